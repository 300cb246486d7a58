import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/currentUser";
import { loadTeamSettingsScreen } from "@/lib/teams/teamScreens";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import { RevokeFeedButton } from "../../../feeds/RevokeFeedButton";
import {
  leaveTeamAction,
  makeOwnerAction,
  removeMemberAction,
  revokeInviteAction,
  revokeTeamFeedAction,
  setShareAction,
} from "../actions";
import { ActionButton } from "./ActionButton";
import { DeleteTeamForm } from "./DeleteTeamForm";
import { InviteForm } from "./InviteForm";
import { TeamFeedForm } from "./TeamFeedForm";

export const metadata: Metadata = { title: "Team settings" };

const day = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** `?filters=<timeline query>` (from the team timeline's "Feed of this view") preselects those filters for a new team feed. */
export default async function TeamSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ filters?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const screen = await loadTeamSettingsScreen(id, user.id);
  if (!screen) notFound();
  const { team, myLinks, invites, myFeeds } = screen;
  const owner = team.viewerRole === "owner";

  const feedChoices: { label: string; query: string }[] = [];
  const requested = (await searchParams).filters;
  if (requested) {
    const parsed = safeParseTimelineFilters(new URLSearchParams(requested));
    if (parsed.ok)
      feedChoices.push({
        label: "The team view you came from",
        query: timelineFiltersToSearchParams(parsed.value).toString(),
      });
  }
  feedChoices.push({ label: "Everything in the team timeline", query: "" });

  return (
    <main>
      <h1>{team.name}: members and sharing</h1>
      <p>
        <Link href={`/teams/${team.id}`}>Open the team timeline</Link>
      </p>

      <section aria-labelledby="share-heading">
        <h2 id="share-heading">Your wikis in this team</h2>
        <p className="hint">
          The team sees the changes to pages your shared wikis watch, and that they watch them. Nothing else of yours:
          not your other wikis, passwords or tokens. Stopping sharing takes them out of the team timeline at once.
        </p>
        {myLinks.length === 0 ? (
          <p>
            You have no linked wikis yet. <Link href="/wikis">Link one</Link> to share it.
          </p>
        ) : (
          <ul className="link-list" aria-label="Your wikis">
            {myLinks.map((link) => (
              <li key={link.linkId} className="card" aria-label={link.displayName}>
                <h3>{link.displayName}</h3>
                <p className="hint">
                  {link.siteName} · {link.wikiUsername} · {link.shared ? "shared with the team" : "not shared"}
                </p>
                <ActionButton
                  action={setShareAction.bind(null, team.id, link.linkId, !link.shared)}
                  label={link.shared ? `Stop sharing ${link.displayName}` : `Share ${link.displayName}`}
                  secondary={link.shared}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <ul className="link-list" aria-label="Members">
          {team.members.map((member) => (
            <li key={member.userId} className="card" aria-label={member.name}>
              <h3>
                {member.name} {member.userId === user.id && "(you)"}
              </h3>
              <p className="hint">
                {member.role === "owner" ? "Owner" : "Member"} ·{" "}
                {member.sharedLinks.length === 0
                  ? "shares no wikis"
                  : `shares ${member.sharedLinks.map((l) => `${l.displayName} (${l.siteName})`).join(", ")}`}
              </p>
              {owner && member.userId !== user.id && (
                <div className="actions-row">
                  {member.role !== "owner" && (
                    <ActionButton
                      action={makeOwnerAction.bind(null, team.id, member.userId)}
                      label={`Make ${member.name} an owner`}
                    />
                  )}
                  <ActionButton
                    action={removeMemberAction.bind(null, team.id, member.userId)}
                    label={`Remove ${member.name}`}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      {owner && invites && (
        <section aria-labelledby="invites-heading" className="card">
          <h2 id="invites-heading">Invitations</h2>
          <p className="hint">
            Anyone with an invitation link and a Watchdeck account here can join until the link expires or you revoke
            it.
          </p>
          {invites.length > 0 && (
            <ul aria-label="Open invitations">
              {invites.map((invite) => (
                <li key={invite.id} className="actions-row">
                  <span>
                    Created {day(invite.createdAt)} by {invite.createdByName}, valid until {day(invite.expiresAt)}
                  </span>
                  <form action={revokeInviteAction.bind(null, team.id, invite.id)}>
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={`Revoke invitation valid until ${day(invite.expiresAt)}`}
                    >
                      Revoke
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <InviteForm teamId={team.id} />
        </section>
      )}

      <section aria-labelledby="team-feeds" className="card">
        <h2 id="team-feeds">Your team feed addresses</h2>
        <p className="hint">
          Feeds of the team timeline for a feed reader. Anyone with the address can read it; it stops working if you
          leave the team.
        </p>
        {myFeeds.length > 0 && (
          <ul aria-label="Team feed addresses">
            {myFeeds.map((feed) => (
              <li key={feed.id} className="actions-row">
                <span>
                  {feed.name} · {feed.filterQuery ? "filtered" : "everything"} ·{" "}
                  {feed.lastUsedAt ? `last read ${day(feed.lastUsedAt)}` : "never read yet"}
                </span>
                <RevokeFeedButton feedName={feed.name} revoke={revokeTeamFeedAction.bind(null, team.id, feed.id)} />
              </li>
            ))}
          </ul>
        )}
        <TeamFeedForm teamId={team.id} choices={feedChoices} />
      </section>

      <section aria-labelledby="leave-heading" className="card">
        <h2 id="leave-heading">Leave or delete</h2>
        <ActionButton action={leaveTeamAction.bind(null, team.id)} label="Leave team" />
        {owner && <DeleteTeamForm teamId={team.id} teamName={team.name} />}
      </section>
    </main>
  );
}
