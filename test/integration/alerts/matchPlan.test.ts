import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type CandidateAlert, matchAlertSql } from "@/lib/alerts/matchOutbox";
import { query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";

// The bench's filters (bench/sections/alerts.ts), which reach link_changes' columns, the changes row and its text.
const FILTERS = ["", "anon=only", "ns=Talk", "type=new", "bot=hide&minor=hide", "q=section", "user=Alice", "unread=1"];

interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** A join's two inputs (its Plans also hold the CTEs it runs first, as InitPlans). */
function joined(join: PlanNode): PlanNode[] {
  return (join.Plans ?? []).filter((child) => /^(Outer|Inner)$/.test(child["Parent Relationship"] ?? ""));
}

/** What a join reads through a Hash, Sort or Materialize node. */
function input(node: PlanNode): string {
  const [only, ...more] = node.Plans ?? [];
  return /^(Hash|Sort|Materialize)$/.test(node["Node Type"]) && only && more.length === 0
    ? input(only)
    : node["Node Type"];
}

function alert(filterQuery: string, teamId: string | null): CandidateAlert {
  return {
    id: randomUUID(),
    user_id: randomUUID(),
    team_id: teamId,
    filter_query: filterQuery,
    rhythm: { kind: "immediate" },
    first_sync_summary: true,
    time_zone: null,
  };
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

// Issue #29: a first sync's batch of 5,000 changes took seconds per alert, as the planner (which guesses a row or
// two for an unnest and a CTE) joined CTEs in nested loops or walked the owner's whole timeline index.
describe("the alert matcher's plan", () => {
  for (const teamId of [null, randomUUID()]) {
    for (const filterQuery of FILTERS) {
      it(`reads link_changes once and joins no CTE to another (${teamId ? "team" : "user"}, "${filterQuery}")`, async () => {
        const sql = matchAlertSql(alert(filterQuery, teamId), ["1", "2"]);
        if (sql === null) throw new Error(`the filter ${filterQuery} does not parse`);
        const [row] = await query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
          `EXPLAIN (FORMAT JSON) ${sql.text}`,
          sql.values,
        );
        const all = nodes(row!["QUERY PLAN"][0].Plan);
        // Once, for the batch's rows: never a walk of the owner's timeline index (empty tables may be seq-scanned).
        const linkChangeScans = all.filter((n) => n["Relation Name"] === "link_changes");
        expect(linkChangeScans).toHaveLength(1);
        expect(linkChangeScans[0]!["Index Name"]).not.toBe("link_changes_timeline_idx");
        const cteJoins = all.filter(
          (n) =>
            /Loop|Join/.test(n["Node Type"]) &&
            joined(n).length === 2 &&
            joined(n).every((child) => input(child) === "CTE Scan"),
        );
        expect(cteJoins).toEqual([]);
      });
    }
  }
});
