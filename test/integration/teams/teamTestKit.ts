import { loadTeamTimelineView } from "@/lib/teams/teamTimeline";
import type { TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineGroupView, TimelineRowView } from "@/lib/timeline/timelineRowView";
import { query } from "@/test/integration/sync/syncTestKit";

/** Every page of the team timeline as the member sees it, following "load more" to the end. */
async function wholeTeamView(
  teamId: string,
  userId: string,
  filters: TimelineFilters,
  pageSize: number,
): Promise<TimelineViewPage[]> {
  const pages: TimelineViewPage[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await loadTeamTimelineView(teamId, { userId, timeZone: "UTC" }, filters, before, pageSize);
    if (!page.ok) throw new Error(page.failure.message);
    pages.push(page.value);
    if (page.value.nextCursor === null) return pages;
    before = page.value.nextCursor;
  }
}

/** Every row of the team timeline as the member sees it. */
export async function wholeTeamTimeline(
  teamId: string,
  userId: string,
  filters: TimelineFilters = NO_FILTERS,
  pageSize = 500,
): Promise<TimelineRowView[]> {
  return (await wholeTeamView(teamId, userId, filters, pageSize)).flatMap((page) => page.rows);
}

/** Every group of the team timeline grouped by page, as the member sees it. */
export async function wholeTeamGroups(teamId: string, userId: string, pageSize = 500): Promise<TimelineGroupView[]> {
  return (await wholeTeamView(teamId, userId, { ...NO_FILTERS, groupByPage: true }, pageSize)).flatMap(
    (page) => page.groups,
  );
}

/** Independent of the timeline query: the distinct changes the links saw, with the links that saw each. */
export async function changesOfLinks(linkIds: string[]): Promise<Map<string, string[]>> {
  const rows = await query<{ change_id: string; links: string[] }>(
    `SELECT change_id::text, array_agg(link_id::text ORDER BY link_id) AS links FROM link_changes WHERE link_id = ANY($1::uuid[]) GROUP BY change_id`,
    [linkIds],
  );
  return new Map(rows.map((r) => [r.change_id, r.links]));
}

/** change id → "<wiki api URL> <change_key>" (keys alone repeat across wikis). */
export async function changeKeys(changeIds: string[]): Promise<Map<string, string>> {
  const rows = await query<{ id: string; key: string }>(
    `SELECT c.id::text, s.api_url || ' ' || c.change_key AS key FROM changes c JOIN sites s ON s.id = c.site_id WHERE c.id = ANY($1::bigint[])`,
    [changeIds],
  );
  return new Map(rows.map((r) => [r.id, r.key]));
}
