import { beforeAll, describe, expect, it } from "vitest";
import { countNewTimelineChanges } from "@/lib/timeline/countNewTimelineChanges";
import { getTimelinePage, type TimelinePageRequest } from "@/lib/timeline/getTimelinePage";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import { CUSTOM_TAG } from "@/test/mediawiki/seedPlan";
import { readWatchlist } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";
import {
  entryKey,
  linkAndSync,
  newUser,
  type SeededChange,
  seededChanges,
  unseededChange,
  type WikiKey,
} from "./timelineTestKit";

let userId: string;
let seeded: SeededChange[];
/** Every row the user has: the seeded ones and any another test's edits added. */
let rows: SeededChange[];
let unreadKeys: Set<string>;
let everything: TimelineEntry[];

const scope = () => ({ kind: "user" as const, userId });

/** Every entry of the timeline for these filters, following the keyset cursor page by page. */
async function allEntries(
  filters: TimelineFilters,
  limit = 500,
  extra: Partial<TimelinePageRequest> = {},
): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  let before: TimelinePageRequest["before"] = null;
  for (;;) {
    const page = await getTimelinePage({ scope: scope(), filters, limit, before, timeZone: "UTC", ...extra });
    if (page.mode !== "changes") throw new Error("expected changes");
    out.push(...page.entries);
    if (page.nextCursor === null) return out;
    before = page.nextCursor;
  }
}

const sorted = (keys: Iterable<string>) => [...keys].sort();
const keysWhere = (predicate: (s: SeededChange) => boolean) => sorted(rows.filter(predicate).map((s) => s.key));
const keysOf = (entries: readonly TimelineEntry[]) => sorted(entries.map(entryKey));
const resultOf = async (filters: TimelineFilters) => keysOf(await allEntries(filters));
const f = (patch: Partial<TimelineFilters>): TimelineFilters => ({ ...NO_FILTERS, ...patch });
const siteOf = (wiki: WikiKey) =>
  everything.find((e) => seeded.some((s) => s.wiki === wiki && s.key === entryKey(e)))!.site.id;

/** Alice's unread changes as the wiki itself says right now: notificationtimestamp set and not newer than the change. */
async function unreadOnTheWiki(wiki: WikiKey): Promise<string[]> {
  const { rows } = await readWatchlist(wiki, { user: "Alice" });
  return (rows as { type: string; revid?: number; logid?: number; timestamp: string; notificationtimestamp?: string }[])
    .filter((r) => r.notificationtimestamp && r.timestamp >= r.notificationtimestamp)
    .map((r) => `${fixtureWiki(wiki).sitename}|${r.type}:${r.type === "log" ? r.logid : r.revid}`);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("timeline-filters@example.org");
  await linkAndSync(userId, "alpha");
  await linkAndSync(userId, "beta");
  seeded = [...seededChanges("alpha"), ...seededChanges("beta")];
  unreadKeys = new Set([...(await unreadOnTheWiki("alpha")), ...(await unreadOnTheWiki("beta"))]);
  everything = await allEntries(NO_FILTERS);
  const seededKeys = new Set(seeded.map((s) => s.key));
  rows = [...seeded, ...everything.filter((e) => !seededKeys.has(entryKey(e))).map(unseededChange)];
});

describe("the merged timeline of real synced fixture wikis", () => {
  it("holds exactly Alice's seeded changes of both wikis, each once, newest first", () => {
    const seededKeys = new Set(seeded.map((s) => s.key));
    expect(sorted(everything.map(entryKey).filter((key) => seededKeys.has(key)))).toEqual(sorted(seededKeys));
    const ids = everything.map((e) => e.changeId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < everything.length; i++) {
      const [a, b] = [everything[i - 1]!, everything[i]!];
      expect(
        a.timestamp.getTime() > b.timestamp.getTime() ||
          (a.timestamp.getTime() === b.timestamp.getTime() && a.changeId > b.changeId),
      ).toBe(true);
    }
  });

  it("pages by keyset: small pages concatenate to the same list, no row twice or missing", async () => {
    const paged = await allEntries(NO_FILTERS, 37);
    expect(paged.map((e) => e.changeId)).toEqual(everything.map((e) => e.changeId));
  });

  it("carries the seeded row's details: user, flags, tags, hidden user, namespace, wiki", () => {
    const byKey = new Map(everything.map((e) => [entryKey(e), e]));
    for (const s of seeded) {
      const entry = byKey.get(s.key)!;
      expect({
        key: s.key,
        title: entry.title,
        ns: entry.namespace,
        user: entry.user,
        minor: entry.minor,
        bot: entry.bot,
        anon: entry.anon,
      }).toEqual({
        key: s.key,
        title: s.title,
        ns: s.namespace,
        user: s.user,
        minor: s.minor,
        bot: s.bot,
        anon: s.anon,
      });
      expect(entry.tags).toEqual(expect.arrayContaining(s.tags));
      expect(entry.site.name).toBe(s.wiki === "alpha" ? "Alpha Wiki" : "Beta Wiki");
      expect(entry.watchers).toHaveLength(1);
    }
  });
});

describe("each filter gives exactly the expected rows of all the user has", () => {
  it("wikis", async () => {
    expect(await resultOf(f({ wikis: [siteOf("beta")] }))).toEqual(keysWhere((s) => s.wiki === "beta"));
    expect(await resultOf(f({ wikis: [siteOf("alpha"), siteOf("beta")] }))).toEqual(keysWhere(() => true));
  });

  it("namespaces by name across wikis: canonical, local and main", async () => {
    expect(await resultOf(f({ namespaces: ["Talk"] }))).toEqual(keysWhere((s) => s.namespace === 1));
    expect(await resultOf(f({ namespaces: ["Diskussion"] }))).toEqual(
      keysWhere((s) => s.namespace === 1 && s.wiki === "beta"),
    );
    expect(await resultOf(f({ namespaces: ["category"] }))).toEqual(keysWhere((s) => s.namespace === 14));
    expect(await resultOf(f({ namespaces: ["(Main)", "Talk"] }))).toEqual(
      keysWhere((s) => s.namespace === 0 || s.namespace === 1),
    );
  });

  it("change types", async () => {
    expect(await resultOf(f({ types: ["log"] }))).toEqual(keysWhere((s) => s.kind === "log"));
    expect(await resultOf(f({ types: ["new", "categorize"] }))).toEqual(
      keysWhere((s) => s.kind === "new" || s.kind === "categorize"),
    );
  });

  it("user is / is not (hidden users only in 'is not')", async () => {
    expect(await resultOf(f({ users: ["Editor"] }))).toEqual(keysWhere((s) => s.user === "Editor"));
    expect(await resultOf(f({ users: ["botUser", "Admin"] }))).toEqual(
      keysWhere((s) => s.user === "BotUser" || s.user === "Admin"),
    );
    expect(await resultOf(f({ notUsers: ["Editor"] }))).toEqual(keysWhere((s) => s.user !== "Editor"));
  });

  it("bot, minor, anonymous: hide and only", async () => {
    expect(await resultOf(f({ bot: "only" }))).toEqual(keysWhere((s) => s.bot));
    expect(await resultOf(f({ bot: "hide" }))).toEqual(keysWhere((s) => !s.bot));
    expect(await resultOf(f({ minor: "only" }))).toEqual(keysWhere((s) => s.minor));
    expect(await resultOf(f({ anon: "only" }))).toEqual(keysWhere((s) => s.anon));
    expect(await resultOf(f({ anon: "hide", minor: "hide" }))).toEqual(keysWhere((s) => !s.anon && !s.minor));
  });

  it("my own edits (the linked account's): only and hide", async () => {
    expect(await resultOf(f({ mine: "only" }))).toEqual(keysWhere((s) => s.user === "Alice"));
    expect(await resultOf(f({ mine: "hide" }))).toEqual(keysWhere((s) => s.user !== "Alice"));
  });

  it("unread only, as the wiki's notificationtimestamp says", async () => {
    expect(await resultOf(f({ unreadOnly: true }))).toEqual(keysWhere((s) => unreadKeys.has(s.key)));
    expect(keysWhere((s) => unreadKeys.has(s.key)).length).toBeGreaterThan(0);
  });

  it("tags", async () => {
    expect(await resultOf(f({ tags: [CUSTOM_TAG] }))).toEqual(keysWhere((s) => s.tags.includes(CUSTOM_TAG)));
    expect(keysWhere((s) => s.tags.includes(CUSTOM_TAG)).length).toBeGreaterThan(0);
  });

  it("title or summary contains text (unicode intact)", async () => {
    const title = seeded.find((s) => s.label === "unicode" && s.wiki === "alpha")!.title;
    expect(await resultOf(f({ text: title }))).toEqual(keysWhere((s) => s.title.includes(title)));
    const long = await allEntries(f({ text: "Very long summary — äöü" }));
    expect(keysOf(long)).toEqual(keysWhere((s) => s.label === "long-summary"));
  });

  it("date range, in the viewer's zone", async () => {
    const day = seeded[0]!.timestamp.toISOString().slice(0, 10);
    expect(await resultOf(f({ from: day, to: day }))).toEqual(
      keysWhere((s) => s.timestamp.toISOString().slice(0, 10) === day),
    );
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await resultOf(f({ to: next }))).toEqual(
      keysWhere((s) => s.timestamp.getTime() < Date.parse(`${next}T00:00:00Z`) + 86_400_000),
    );
    // 00:00 in Kiribati (UTC+14) is 10:00 the day before in UTC.
    const kiribati = await allEntries(f({ from: next, to: next }), 500, { timeZone: "Pacific/Kiritimati" });
    expect(keysOf(kiribati)).toEqual(
      keysWhere(
        (s) =>
          s.timestamp.getTime() >= Date.parse(`${day}T10:00:00Z`) &&
          s.timestamp.getTime() < Date.parse(`${next}T10:00:00Z`),
      ),
    );
  });

  it("combined: one wiki, Talk namespace, no bots", async () => {
    expect(await resultOf(f({ wikis: [siteOf("alpha")], namespaces: ["Talk"], bot: "hide" }))).toEqual(
      keysWhere((s) => s.wiki === "alpha" && s.namespace === 1 && !s.bot),
    );
  });
});

describe("pages", () => {
  const pageKey = (e: TimelineEntry) => `${e.site.id}|${e.title}`;
  const newestPerPage = () => {
    const heads = new Map<string, TimelineEntry>();
    for (const e of everything) if (!heads.has(pageKey(e))) heads.set(pageKey(e), e);
    return heads;
  };

  it("latest change per page only: the newest change of each page", async () => {
    const latest = await allEntries(f({ latestOnly: true }), 60);
    expect(latest.map((e) => e.changeId)).toEqual([...newestPerPage().values()].map((e) => e.changeId));
  });

  // Grouped as Special:Watchlist groups: a page on one day (the viewer's; UTC here).
  const groupKey = (e: TimelineEntry) => `${pageKey(e)}|${e.timestamp.toISOString().slice(0, 10)}`;
  const usersWithCounts = (entries: TimelineEntry[]) => {
    const counts = new Map<string, number>();
    for (const e of entries) if (e.user !== null) counts.set(e.user, (counts.get(e.user) ?? 0) + 1);
    return [...counts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  };

  it("group by page: one row per page and day with its count, users with counts, net size and changes", async () => {
    const groups = [];
    let before: TimelinePageRequest["before"] = null;
    for (;;) {
      const page = await getTimelinePage({ scope: scope(), filters: f({ groupByPage: true }), limit: 40, before });
      if (page.mode !== "pages") throw new Error("expected pages");
      groups.push(...page.groups);
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    const heads = new Map<string, TimelineEntry>();
    for (const e of everything) if (!heads.has(groupKey(e))) heads.set(groupKey(e), e);
    expect(groups.map((g) => g.head.changeId)).toEqual([...heads.values()].map((e) => e.changeId));
    for (const group of groups) {
      const ofPage = everything.filter((e) => groupKey(e) === groupKey(group.head));
      expect(group.count).toBe(ofPage.length);
      expect(group.changes.map((c) => c.changeId)).toEqual(ofPage.slice(0, 50).map((e) => e.changeId));
      expect(group.users).toEqual(usersWithCounts(ofPage));
      const sized = ofPage.filter((e) => e.kind !== "log" && e.newLength !== null && e.oldLength !== null);
      expect(group.sizeDelta).toBe(
        sized.length === 0 ? null : sized.reduce((sum, e) => sum + e.newLength! - e.oldLength!, 0),
      );
      expect(group.oldestParentRevId).toBe(ofPage.at(-1)!.oldRevId || null);
    }
    const moved = groups.find(
      (g) => g.head.title === seeded.find((s) => s.label === "move" && s.wiki === "alpha")!.title,
    )!;
    expect(moved.count).toBeGreaterThan(1);
  });

  it("group by page with a filter groups only the matching changes", async () => {
    const page = await getTimelinePage({
      scope: scope(),
      filters: f({ groupByPage: true, users: ["Admin"] }),
      limit: 500,
    });
    if (page.mode !== "pages") throw new Error("expected pages");
    for (const group of page.groups) {
      expect(group.users).toEqual([{ name: "Admin", count: group.count }]);
      expect(group.changes.every((c) => c.user === "Admin")).toBe(true);
    }
    expect(new Set(page.groups.flatMap((g) => g.changes.map((c) => c.changeId))).size).toBe(
      everything.filter((e) => e.user === "Admin").length,
    );
  });
});

describe("new changes since a cursor", () => {
  it("counts the rows newer than the given one, for the same filters", async () => {
    const third = everything[2]!;
    const after = { timestamp: third.timestamp, changeId: third.changeId };
    expect(await countNewTimelineChanges({ scope: scope(), filters: NO_FILTERS }, after)).toBe(2);
    const betaSite = siteOf("beta");
    expect(await countNewTimelineChanges({ scope: scope(), filters: f({ wikis: [betaSite] }) }, after)).toBe(
      everything.slice(0, 2).filter((e) => e.site.id === betaSite).length,
    );
  });
});
