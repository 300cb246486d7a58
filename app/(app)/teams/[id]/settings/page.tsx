import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { requireUser } from "@/lib/auth/currentUser";
import { MINUTE_WITH_ZONE } from "@/lib/i18n/dateFormats";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.settings");
  return { title: t("title") };
}

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
  const [t, tTeams, format] = await Promise.all([
    getTranslations("teams.settings"),
    getTranslations("teams"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, MINUTE_WITH_ZONE);

  const feedChoices: { label: string; query: string }[] = [];
  const requested = (await searchParams).filters;
  if (requested) {
    const parsed = safeParseTimelineFilters(new URLSearchParams(requested));
    if (parsed.ok)
      feedChoices.push({
        label: t("fromView"),
        query: timelineFiltersToSearchParams(parsed.value).toString(),
      });
  }
  feedChoices.push({ label: t("everything"), query: "" });

  return (
    <main>
      <h1>{t("heading", { team: team.name })}</h1>
      <p>
        <Link href={`/teams/${team.id}`}>{t("openTimeline")}</Link>
      </p>
      <ClientMessages namespaces={["teams", "feeds"]}>
        <section aria-labelledby="share-heading">
          <h2 id="share-heading">{t("yourWikis")}</h2>
          <p className="hint">{t("shareHint")}</p>
          {myLinks.length === 0 ? (
            <p>{t.rich("noLinks", { link: (chunks) => <Link href="/wikis">{chunks}</Link> })}</p>
          ) : (
            <ul className="link-list" aria-label={t("yourWikisLabel")}>
              {myLinks.map((link) => (
                <li key={link.linkId} className="card" aria-label={link.displayName}>
                  <h3>{link.displayName}</h3>
                  <p className="hint">
                    {t("linkFacts", {
                      site: link.siteName,
                      user: link.wikiUsername,
                      shared: link.shared ? "yes" : "no",
                    })}
                  </p>
                  <ActionButton
                    action={setShareAction.bind(null, team.id, link.linkId, !link.shared)}
                    label={
                      link.shared
                        ? t("stopSharing", { name: link.displayName })
                        : t("share", { name: link.displayName })
                    }
                    secondary={link.shared}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{t("members")}</h2>
          <ul className="link-list" aria-label={t("members")}>
            {team.members.map((member) => (
              <li key={member.userId} className="card" aria-label={member.name}>
                <h3>
                  {member.name} {member.userId === user.id && t("you")}
                </h3>
                <p className="hint">
                  {t("memberFacts", {
                    role: tTeams("role", { role: member.role }),
                    shares:
                      member.sharedLinks.length === 0
                        ? t("sharesNothing")
                        : t("shares", {
                            links: format.list(
                              member.sharedLinks.map((l) => t("sharedLink", { name: l.displayName, site: l.siteName })),
                            ),
                          }),
                  })}
                </p>
                {owner && member.userId !== user.id && (
                  <div className="actions-row">
                    {member.role !== "owner" && (
                      <ActionButton
                        action={makeOwnerAction.bind(null, team.id, member.userId)}
                        label={t("makeOwner", { name: member.name })}
                      />
                    )}
                    <ActionButton
                      action={removeMemberAction.bind(null, team.id, member.userId)}
                      label={t("remove", { name: member.name })}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>

        {owner && invites && (
          <section aria-labelledby="invites-heading" className="card">
            <h2 id="invites-heading">{t("invitations")}</h2>
            <p className="hint">{t("invitationsHint")}</p>
            {invites.length > 0 && (
              <ul aria-label={t("openInvitations")}>
                {invites.map((invite) => (
                  <li key={invite.id} className="actions-row">
                    <span>
                      {t("invitation", {
                        created: day(invite.createdAt),
                        by: invite.createdByName,
                        until: day(invite.expiresAt),
                      })}
                    </span>
                    <form action={revokeInviteAction.bind(null, team.id, invite.id)}>
                      <button
                        type="submit"
                        className="secondary"
                        aria-label={t("revokeInvitation", { until: day(invite.expiresAt) })}
                      >
                        {t("revoke")}
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
          <h2 id="team-feeds">{t("teamFeeds")}</h2>
          <p className="hint">{t("teamFeedsHint")}</p>
          {myFeeds.length > 0 && (
            <ul aria-label={t("teamFeedsLabel")}>
              {myFeeds.map((feed) => (
                <li key={feed.id} className="actions-row">
                  <span>
                    {t("feedFacts", {
                      name: feed.name,
                      filtered: feed.filterQuery ? "yes" : "no",
                      used: feed.lastUsedAt ? t("lastRead", { at: day(feed.lastUsedAt) }) : t("neverRead"),
                    })}
                  </span>
                  <RevokeFeedButton feedName={feed.name} revoke={revokeTeamFeedAction.bind(null, team.id, feed.id)} />
                </li>
              ))}
            </ul>
          )}
          <TeamFeedForm teamId={team.id} choices={feedChoices} />
        </section>

        <section aria-labelledby="leave-heading" className="card">
          <h2 id="leave-heading">{t("leaveOrDelete")}</h2>
          <ActionButton action={leaveTeamAction.bind(null, team.id)} label={t("leave")} />
          {owner && <DeleteTeamForm teamId={team.id} teamName={team.name} />}
        </section>
      </ClientMessages>
    </main>
  );
}
