import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeSql } from "@/lib/timeline/scopeSql";
import type { TimelineScope } from "@/lib/timeline/timelineScope";

/** A change the viewer may see, with what its diff needs. */
export interface DiffableChange {
  changeId: bigint;
  siteId: string;
  apiUrl: string;
  siteName: string;
  kind: "edit" | "new" | "log" | "categorize" | "external";
  title: string;
  revId: number | null;
  oldRevId: number | null;
}

interface ChangeRecord {
  id: bigint;
  site_id: string;
  api_url: string;
  site_name: string;
  kind: DiffableChange["kind"];
  title: string;
  rev_id: bigint | null;
  old_rev_id: bigint | null;
}

/**
 * The change, when the scope's timeline holds it: one of the user's own links saw it, or (team scope) a link a
 * member shared with a team the viewer belongs to. The same condition as the timeline's (scopeSql), so a diff is
 * never shown for a change its viewer could not list. Null otherwise, whether or not the change exists.
 */
export async function findVisibleChange(changeId: bigint, scope: TimelineScope): Promise<DiffableChange | null> {
  const rows = await prisma().$queryRaw<ChangeRecord[]>(Prisma.sql`
    SELECT c.id, c.site_id, s.api_url, s.name AS site_name, c.kind, c.title, c.rev_id, c.old_rev_id
    FROM changes c JOIN sites s ON s.id = c.site_id
    WHERE c.id = ${changeId}
      AND EXISTS (SELECT 1 FROM link_changes lc WHERE lc.change_id = c.id AND ${scopeSql(scope, "lc")})`);
  const row = rows[0];
  if (!row) return null;
  return {
    changeId: row.id,
    siteId: row.site_id,
    apiUrl: row.api_url,
    siteName: row.site_name,
    kind: row.kind,
    title: row.title,
    revId: row.rev_id === null ? null : Number(row.rev_id),
    oldRevId: row.old_rev_id === null || row.old_rev_id === 0n ? null : Number(row.old_rev_id),
  };
}

/** The viewer's own bot-password link on the wiki, whose session can read what anonymous readers cannot; or null. */
export async function viewerSessionLink(userId: string, siteId: string): Promise<string | null> {
  const link = await prisma().wikiLink.findFirst({
    where: { userId, siteId, authMode: "bot_password", canReadApi: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return link?.id ?? null;
}

export interface StoredDiff {
  title: string;
  bodyHtml: string;
}

export function readStoredDiff(siteId: string, fromRevId: number, toRevId: number): Promise<StoredDiff | null> {
  return prisma().diff.findUnique({
    where: { siteId_fromRevId_toRevId: { siteId, fromRevId: BigInt(fromRevId), toRevId: BigInt(toRevId) } },
    select: { title: true, bodyHtml: true },
  });
}

/** Keeps a diff for every later opening; a diff already stored by a parallel request stays as it is. */
export async function storeDiff(siteId: string, fromRevId: number, toRevId: number, diff: StoredDiff): Promise<void> {
  await prisma().diff.createMany({
    data: [{ siteId, fromRevId: BigInt(fromRevId), toRevId: BigInt(toRevId), ...diff }],
    skipDuplicates: true,
  });
}
