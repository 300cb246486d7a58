import { prisma } from "@/lib/db/postgres";

/**
 * Everything Watchdeck keeps about the user, as JSON: the account, links (never their bot password, token
 * or wiki session), presets, feeds (name and filters: the secret of a feed address is only ever hashed),
 * team memberships and read state (the pages the wikis say are unread since a time).
 */
export async function exportAccount(userId: string) {
  const db = prisma();
  const account = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, timeZone: true, locale: true, isAdmin: true, createdAt: true },
  });
  const links = await db.wikiLink.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      displayName: true,
      color: true,
      authMode: true,
      source: true,
      loginName: true,
      wikiUsername: true,
      createdAt: true,
      site: { select: { apiUrl: true, name: true } },
    },
  });
  const presets = await db.timelinePreset.findMany({
    where: { userId },
    orderBy: { name: "asc" },
    select: { name: true, filterQuery: true, createdAt: true },
  });
  const feeds = await db.feedToken.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      name: true,
      filterQuery: true,
      createdAt: true,
      lastUsedAt: true,
      teamMember: { select: { team: { select: { name: true } } } },
    },
  });
  const teams = await db.teamMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    select: { role: true, joinedAt: true, team: { select: { name: true } } },
  });
  const unread = await db.$queryRaw<{ link_id: string; title: string; unread_since: Date }[]>`
    SELECT lc.link_id::text, c.title, min(lc.notification_timestamp) AS unread_since
    FROM link_changes lc JOIN changes c ON c.id = lc.change_id
    WHERE lc.user_id = ${userId}::uuid AND lc.notification_timestamp IS NOT NULL
    GROUP BY lc.link_id, c.title ORDER BY lc.link_id, c.title`;
  return {
    exportedAt: new Date().toISOString(),
    account,
    links: links.map(({ site, ...link }) => ({ ...link, wiki: site.name, apiUrl: site.apiUrl })),
    presets,
    feeds: feeds.map(({ teamMember, ...feed }) => ({ ...feed, team: teamMember?.team.name ?? null })),
    teams: teams.map(({ team, ...membership }) => ({ team: team.name, ...membership })),
    readState: unread.map((row) => ({ linkId: row.link_id, title: row.title, unreadSince: row.unread_since })),
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccount>>;
