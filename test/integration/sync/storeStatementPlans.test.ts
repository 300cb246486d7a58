import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { closePgPool, inTransaction } from "@/lib/db/postgres";
import { type WriteTarget, writeLinkChanges } from "@/lib/sync/store/writeLinkChanges";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { editChange, newStoreLink, newStoreSite } from "./storeFixture";
import { query } from "./syncTestKit";

// A link that is a small part of the tables, as nearly every link of a shared install is: the planner's
// estimate of "this link's (or wiki's) rows among the poll's keys" is then about one row, and a join planned
// for one row rescans its other side for every row it really gets.
const CROWD_CHANGES = 30_000;
const PAGE = 100;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Loops": number;
  "Actual Rows": number;
  Plans?: PlanNode[];
}

interface CapturedPlan {
  statement: string;
  plan: PlanNode;
}

let small: WriteTarget;
const page: Change[] = Array.from({ length: PAGE }, (_, i) => editChange(1_000_000 + i));

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const crowd = await newStoreLink("Crowd", await newStoreSite());
  for (let start = 0; start < CROWD_CHANGES; start += 5_000) {
    const changes = Array.from({ length: 5_000 }, (_, i) => editChange(start + i + 1));
    await inTransaction((client) => writeLinkChanges(client, crowd, changes));
  }
  small = await newStoreLink("Small", await newStoreSite());
  await inTransaction((client) => writeLinkChanges(client, small, page));
  // As autovacuum leaves them once the tables have grown.
  await query("ANALYZE changes");
  await query("ANALYZE link_changes");
}, 120_000);

afterAll(async () => {
  await closePgPool();
});

describe("a poll of a link that is a small part of the tables", () => {
  it("stores what is new for it with plans that read each of its rows once and no other link's", async () => {
    const unread = new Date(Date.UTC(2026, 5, 1));
    const again = page.map((change, i) => {
      if (i === 7) return { ...change, notificationTimestamp: unread };
      // Hidden on the wiki since the first poll: the stored row is improved.
      if (i === 11) return { ...change, comment: null, parsedComment: null, commentHidden: true };
      return change;
    });
    const { plans, written } = await withPlansOf((client) => writeLinkChanges(client, small, again));

    expect(written).toEqual({ received: PAGE, newForLink: 0, changedRows: 1 });
    const stored = await query<{ rev_id: string; notification_timestamp: Date | null; comment_hidden: boolean }>(
      `SELECT c.rev_id, l.notification_timestamp, c.comment_hidden FROM link_changes l JOIN changes c ON c.id = l.change_id
       WHERE l.link_id = $1 AND (l.notification_timestamp IS NOT NULL OR c.comment_hidden) ORDER BY c.rev_id`,
      [small.linkId],
    );
    expect(stored).toEqual([
      { rev_id: String(page[7]!.revId), notification_timestamp: unread, comment_hidden: false },
      { rev_id: String(page[11]!.revId), notification_timestamp: null, comment_hidden: true },
    ]);

    const statements = plans.map((p) => p.statement);
    expect(statements.some((s) => /UPDATE changes/.test(s))).toBe(true);
    expect(statements.some((s) => /UPDATE link_changes/.test(s))).toBe(true);
    for (const { statement, plan } of plans) {
      const nodes = flatten(plan);
      // Only an index lookup may run once per row of the other side; anything else run again is a rescan.
      const rescanned = nodes.filter((n) => n["Actual Loops"] > 1 && !/^Index( Only)? Scan$/.test(n["Node Type"]));
      expect(
        rescanned.map((n) => `${n["Node Type"]} x${n["Actual Loops"]}`),
        statement,
      ).toEqual([]);
      const tableScans = nodes.filter(
        (n) => n["Node Type"] === "Seq Scan" && /^(link_)?changes$/.test(n["Relation Name"] ?? ""),
      );
      expect(
        tableScans.map((n) => n["Relation Name"]),
        statement,
      ).toEqual([]);
      for (const n of nodes.filter((n) => /^(link_)?changes$/.test(n["Relation Name"] ?? ""))) {
        expect(
          n["Actual Rows"] * n["Actual Loops"],
          `${statement}: ${n["Node Type"]} on ${n["Relation Name"]}`,
        ).toBeLessThanOrEqual(PAGE);
      }
    }
  });
});

/** Runs `work` in a transaction of its own connection, with the executed plan of each of its statements. */
async function withPlansOf<T>(
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<{ plans: CapturedPlan[]; written: T }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const plans: CapturedPlan[] = [];
  client.on("notice", (notice) => {
    const json = /plan:\s*(\{[\s\S]*\})\s*$/.exec(notice.message ?? "")?.[1];
    if (json === undefined) return;
    const explained = JSON.parse(json) as { "Query Text": string; Plan: PlanNode };
    plans.push({ statement: explained["Query Text"].replace(/\s+/g, " ").trim().slice(0, 60), plan: explained.Plan });
  });
  try {
    // auto_explain reports each statement's plan, as it ran, to this client.
    await client.query("LOAD 'auto_explain'");
    await client.query("SET auto_explain.log_min_duration = 0");
    await client.query("SET auto_explain.log_analyze = on");
    await client.query("SET auto_explain.log_format = json");
    await client.query("SET auto_explain.log_level = notice");
    await client.query("BEGIN");
    const written = await work(client);
    await client.query("COMMIT");
    return { plans, written };
  } finally {
    await client.end();
  }
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
