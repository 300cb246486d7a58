import { beforeAll, expect, it } from "vitest";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeam } from "@/lib/teams/teams";
import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { entryKey, linkAndSync, newUser, seededChanges } from "./timelineTestKit";

let both: string;
let other: string;
let aliceLink: string;
let bobLink: string;

async function everything(userId: string): Promise<TimelineEntry[]> {
  return wholeTimeline({ kind: "user", userId });
}

async function wholeTimeline(
  scope: TimelineScope,
  filters: TimelineFilters = NO_FILTERS,
  limit = 500,
): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  let before = null;
  for (;;) {
    const page = await getTimelinePage({ scope, filters, limit, before });
    if (page.mode !== "changes") throw new Error("expected changes");
    out.push(...page.entries);
    if (!page.nextCursor) return out;
    before = page.nextCursor;
  }
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  both = await newUser("two-accounts@example.org");
  other = await newUser("someone-else@example.org");
  aliceLink = await linkAndSync(both, "alpha", "Alice@watchdeck");
  bobLink = await linkAndSync(both, "alpha", "Bob@watchdeck");
  await linkAndSync(other, "beta");
});

it("a change two of the user's accounts watch is one row naming both links", async () => {
  const entries = await everything(both);
  expect(new Set(entries.map((e) => e.changeId)).size).toBe(entries.length);
  const alice = new Set(seededChanges("alpha", "Alice").map((s) => s.key));
  const bob = new Set(seededChanges("alpha", "Bob").map((s) => s.key));
  const byKey = new Map(entries.map((e) => [entryKey(e), e]));
  for (const key of new Set([...alice, ...bob])) {
    const expected = [alice.has(key) ? aliceLink : null, bob.has(key) ? bobLink : null].filter(
      (x): x is string => x !== null,
    );
    expect({
      key,
      links: byKey
        .get(key)
        ?.watchers.map((w) => w.linkId)
        .sort(),
    }).toEqual({ key, links: expected.sort() });
  }
  expect([...bob].filter((k) => alice.has(k)).length).toBeGreaterThan(0);
});

it("never shows another user's changes", async () => {
  expect(
    (await everything(both)).every((e) => e.site.name === "Alpha Wiki" && e.watchers.every((w) => w.userId === both)),
  ).toBe(true);
  expect(
    (await everything(other)).every((e) => e.site.name === "Beta Wiki" && e.watchers.every((w) => w.userId === other)),
  ).toBe(true);
});

it("a team sees the changes of the one link a member shares, not of the member's other link, unread as that link has them", async () => {
  const team = await createTeam(both, { name: "One link shared" });
  if (!team.ok) throw new Error("could not create the team");
  expect(await setLinkShared(both, team.value.teamId, aliceLink, true)).toEqual({ ok: true, value: undefined });
  const scope: TimelineScope = { kind: "team", teamId: team.value.teamId, memberUserId: both };
  const aliceChanges = await query<{ change_id: string }>(
    `SELECT change_id::text FROM link_changes WHERE link_id = $1::uuid`,
    [aliceLink],
  );
  const expected = aliceChanges.map((r) => r.change_id).sort();
  for (const pageSize of [500, 7]) {
    expect((await wholeTimeline(scope, NO_FILTERS, pageSize)).map((e) => String(e.changeId)).sort()).toEqual(expected);
  }

  // A change both links saw: read on the shared link and unread on the other is not unread in the team view; the
  // other way round, it is.
  const seenByBoth = await query<{ change_id: string }>(
    `SELECT a.change_id::text FROM link_changes a JOIN link_changes b ON b.change_id = a.change_id AND b.link_id = $2::uuid
     WHERE a.link_id = $1::uuid ORDER BY a."timestamp" DESC, a.change_id DESC LIMIT 2`,
    [aliceLink, bobLink],
  );
  expect(seenByBoth).toHaveLength(2);
  const [readOnShared, unreadOnShared] = seenByBoth.map((r) => r.change_id) as [string, string];
  await query(`UPDATE link_changes SET notification_timestamp = NULL WHERE link_id IN ($1::uuid, $2::uuid)`, [
    aliceLink,
    bobLink,
  ]);
  const markUnread = (link: string, change: string) =>
    query(
      `UPDATE link_changes SET notification_timestamp = "timestamp" WHERE link_id = $1::uuid AND change_id = $2::bigint`,
      [link, change],
    );
  await markUnread(bobLink, readOnShared);
  await markUnread(aliceLink, unreadOnShared);
  const unread = await wholeTimeline(scope, { ...NO_FILTERS, unreadOnly: true });
  expect(unread.map((e) => String(e.changeId))).toEqual([unreadOnShared]);
  expect(
    (await wholeTimeline({ kind: "user", userId: both }, { ...NO_FILTERS, unreadOnly: true }))
      .map((e) => String(e.changeId))
      .sort(),
  ).toEqual([readOnShared, unreadOnShared].sort());
});
