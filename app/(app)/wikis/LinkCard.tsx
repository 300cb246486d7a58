import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { LinkView } from "@/lib/links/linkRepository";
import type { LinkSyncStatusJson } from "@/lib/sync/syncStatusJson";
import { LinkSyncStatus } from "./LinkSyncStatus";
import { capabilityWords, sourceWords } from "./linkWords";

export async function LinkCard({ link, sync }: { link: LinkView; sync: LinkSyncStatusJson | undefined }) {
  const t = await getTranslations("wikis.card");
  const notes = capabilityWords(t, link);
  const source = sourceWords(t, link);
  const auth = t("authMode", { mode: link.authMode });
  return (
    <li className="card link-card" aria-label={link.displayName}>
      <div className="link-card-head">
        <span className="swatch" style={{ background: link.color }} aria-hidden="true" />
        <h3>{link.displayName}</h3>
        <Link
          href={`/wikis/${link.id}`}
          className="button secondary"
          aria-label={t("editName", { name: link.displayName })}
        >
          {t("edit")}
        </Link>
      </div>
      <dl className="link-facts">
        <dt>{t("wiki")}</dt>
        <dd>
          <a href={link.site.server}>{link.site.name}</a>
        </dd>
        <dt>{t("account")}</dt>
        <dd>{link.wikiUsername}</dd>
        <dt>{t("signedInWith")}</dt>
        <dd>
          {t("readThrough", {
            auth: link.authMode === "bot_password" ? t("authWithLogin", { auth, login: link.loginName }) : auth,
            source: link.source,
            format: link.feedFormat ?? "",
          })}
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
