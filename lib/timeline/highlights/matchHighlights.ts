import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions } from "../filterSql";
import { rawRows } from "../rawRows";
import { scopeSql } from "../scopeSql";
import { safeParseTimelineFilters } from "../timelineFilters";
import { scopeViewer, type TimelineScope } from "../timelineScope";
import { conditionOf, type HighlightMark, type HighlightRuleView } from "./highlightRule";
import { listHighlightRules } from "./highlightRules";

/**
 * Which of these changes each rule highlights, by change id, in colour order. A rule's filters mean here exactly
 * what they mean as filters (the same SQL, filterConditions, over the scope's rows), plus its byte-size threshold
 * on the delta the row shows (both lengths known, not a log entry). One statement for all rules.
 */
export async function matchHighlights(
  scope: TimelineScope,
  timeZone: string,
  rules: readonly HighlightRuleView[],
  changeIds: readonly bigint[],
): Promise<Map<string, HighlightMark[]>> {
  const marks = new Map<string, HighlightMark[]>();
  const ctx = { lc: "lc", c: "c", viewerUserId: scopeViewer(scope), timeZone };
  const selects: Prisma.Sql[] = [];
  rules.forEach((rule, index) => {
    const filters = safeParseTimelineFilters(new URLSearchParams(rule.filterQuery));
    // A stored rule no longer valid (a filter since tightened) highlights nothing rather than everything.
    if (!filters.ok) return;
    const conditions = filterConditions(conditionOf(filters.value), ctx);
    if (rule.minBytes !== null) {
      conditions.push(Prisma.sql`(c.kind <> 'log' AND c.new_length IS NOT NULL AND c.old_length IS NOT NULL
        AND abs(c.new_length - c.old_length) >= ${rule.minBytes}::int)`);
    }
    const where = conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    selects.push(Prisma.sql`
      SELECT lc.change_id, ${index}::int AS rule
      FROM link_changes lc JOIN changes c ON c.id = lc.change_id
      WHERE lc.change_id = ANY(${changeIds as bigint[]}::bigint[]) AND ${scopeSql(scope, "lc")} ${where}`);
  });
  if (selects.length === 0 || changeIds.length === 0) return marks;
  const rows = await rawRows<{ change_id: bigint | string; rule: number }>(
    Prisma.sql`SELECT DISTINCT change_id, rule FROM (${Prisma.join(selects, " UNION ALL ")}) matched ORDER BY rule`,
  );
  for (const row of rows) {
    const rule = rules[row.rule]!;
    const key = String(row.change_id);
    marks.set(key, [...(marks.get(key) ?? []), { color: rule.color, name: rule.name }]);
  }
  return marks;
}

/**
 * The highlights of a page of the scope's timeline, by the rules of the viewer (the acting member in a team).
 * `viewerRules`: those rules when the caller reads them anyway (the timeline page), so they are not read twice.
 */
export async function highlightsOfPage(
  scope: TimelineScope,
  timeZone: string,
  changeIds: readonly bigint[],
  viewerRules?: Promise<readonly HighlightRuleView[]>,
): Promise<Record<string, HighlightMark[]>> {
  if (changeIds.length === 0) return {};
  const rules = await (viewerRules ?? listHighlightRules(scopeViewer(scope)));
  if (rules.length === 0) return {};
  return Object.fromEntries(await matchHighlights(scope, timeZone, rules, changeIds));
}
