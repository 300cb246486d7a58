import Link from "next/link";
import { capabilityNotes, sourceExplanation } from "@/lib/links/capabilityNotes";
import type { LinkView } from "@/lib/links/linkRepository";
import type { LinkSyncStatusJson } from "@/lib/sync/syncStatusJson";
import { LinkSyncStatus } from "./LinkSyncStatus";

const AUTH_LABEL = { bot_password: "Bot password", watchlist_token: "Watchlist token" } as const;

export function LinkCard({ link, sync }: { link: LinkView; sync: LinkSyncStatusJson | undefined }) {
  const notes = capabilityNotes(link);
  const source = sourceExplanation(link);
  return (
    <li className="card link-card" aria-label={link.displayName}>
      <div className="link-card-head">
        <span className="swatch" style={{ background: link.color }} aria-hidden="true" />
        <h3>{link.displayName}</h3>
        <Link href={`/wikis/${link.id}`} className="button secondary" aria-label={`Edit ${link.displayName}`}>
          Edit
        </Link>
      </div>
      <dl className="link-facts">
        <dt>Wiki</dt>
        <dd>
          <a href={link.site.server}>{link.site.name}</a>
        </dd>
        <dt>Account</dt>
        <dd>{link.wikiUsername}</dd>
        <dt>Signed in with</dt>
        <dd>
          {AUTH_LABEL[link.authMode]}
          {link.authMode === "bot_password" ? ` (${link.loginName})` : ""}, read through{" "}
          {link.source === "feed" ? `the ${link.feedFormat ?? ""} feed` : "the API"}
        </dd>
      </dl>
      {source && <p className="hint source-note">{source}</p>}
      {notes.map((note) => (
        <p key={note} className="hint capability-note">
          {note}
        </p>
      ))}
      {sync && <LinkSyncStatus initial={sync} />}
    </li>
  );
}
