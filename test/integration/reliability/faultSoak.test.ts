import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncOutcome, syncLink } from "@/lib/sync/syncLink";
import {
  countingNetwork,
  deps,
  linkWithBotPassword,
  linkWithToken,
  newUser,
  query,
  storedKeys,
  testSettings,
} from "@/test/integration/sync/syncTestKit";
import {
  apiClient,
  deleteBotPassword,
  makeEdit,
  setBotPassword,
  setWatchlistToken,
} from "@/test/mediawiki/wikiActions";
import { type Fault, type FaultProxy, startFaultProxy } from "@/test/support/faultProxy";
import { seededRandom, seedFromEnv } from "@/test/support/seededRandom";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";

// `npm test` runs a few cycles; `npm run soak` sets WATCHDECK_SOAK_CYCLES for the long run.
const CYCLES = Number(process.env.WATCHDECK_SOAK_CYCLES ?? 15);
const FAULT_RATE = Number(process.env.WATCHDECK_SOAK_FAULT_RATE ?? 0.3);
const FAULTS: Fault[] = [
  "timeout",
  "reset",
  "http500",
  "maxlag",
  "html",
  "truncated",
  "malformedXml",
  "sessionExpired",
];
const CLIENT_TIMEOUT_MS = 1_500;
// A cycle makes some 7 requests, so at the random rates alone a short soak may miss a kind: each kind is also
// forced once, on the first request of one of the first cycles. A long soak must show each kind at its rate
// (about 4% of 7 requests a cycle), with a wide margin.
const MIN_PER_FAULT = Math.max(1, Math.floor(CYCLES / 20));
const APP_ID = "reliability";
const PAGE_PREFIX = `Watchdeck reliability soak ${Date.now().toString(36)}`;
// BotUser's feed holds the newest 50 items: with more new pages than that, a clean link made at the end could not
// see them all, while the link polled all along rightly kept them, and the comparison would count that history as
// duplicates. The soak start's edit and at most 45 new pages stay inside the window, spread over the cycles.
const MAX_NEW_PAGES = 45;
const EDIT_EVERY = Math.max(2, Math.ceil(CYCLES / MAX_NEW_PAGES));

type LinkSpec = { name: string; wiki: "alpha" | "beta"; make: (userId: string, apiUrl: string) => Promise<string> };

const network = countingNetwork(CLIENT_TIMEOUT_MS);
// Faulty links store a poll a page at a time and hand it on after two: faults land between the commits of a
// long poll, which must go on from its last commit.
const pagePerCommit = { ...testSettings, pagesPerCommit: 1, pagesPerJob: 2 };
const seed = seedFromEnv("WATCHDECK_SOAK_SEED", "fault soak");
const random = seededRandom(seed);
const proxies = new Map<string, FaultProxy>();
const botUserPassword = randomBytes(16).toString("hex");
const botUserToken = randomBytes(20).toString("hex");

// Each of the rules below fires on its own share; together they break FAULT_RATE of all requests.
const perFaultRate = 1 - (1 - FAULT_RATE) ** (1 / FAULTS.length);

const links: LinkSpec[] = [
  {
    name: "alpha Alice bot password, API (continuation)",
    wiki: "alpha",
    make: (u, api) =>
      linkWithBotPassword(u, api, "Alice@watchdeck", botPassword(fixtureWiki("alpha"), "Alice@watchdeck"), network),
  },
  {
    name: "alpha Bob token, feed",
    wiki: "alpha",
    make: (u, api) => linkWithToken(u, api, "Bob", fixtureWiki("alpha").watchlistTokens.Bob!, "feed", network),
  },
  {
    name: "beta Alice token, API",
    wiki: "beta",
    make: (u, api) => linkWithToken(u, api, "Alice", fixtureWiki("beta").watchlistTokens.Alice!, "api", network),
  },
  {
    name: "alpha BotUser bot password, API (new edits)",
    wiki: "alpha",
    make: (u, api) => linkWithBotPassword(u, api, `BotUser@${APP_ID}`, botUserPassword, network),
  },
  {
    name: "alpha BotUser token, feed (new edits)",
    wiki: "alpha",
    make: (u, api) => linkWithToken(u, api, "BotUser", botUserToken, "feed", network),
  },
];

const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  // BotUser is nobody else's watcher: its watchlist takes this test's new pages.
  await setBotPassword("alpha", "BotUser", APP_ID, botUserPassword, ["basic", "viewmywatchlist"]);
  await setWatchlistToken("alpha", "BotUser", botUserToken);
  const botUser = await apiClient("alpha", "BotUser");
  // Pages of earlier soaks on this fixture wiki leave it: with them the feed, which holds 50 items, would fill
  // up, and a link polled all along would rightly keep older items than a clean run sees.
  await botUser.post({
    action: "watch",
    unwatch: "1",
    generator: "watchlistraw",
    gwrlimit: "max",
    token: await botUser.token("watch"),
  });
  const titles = Array.from({ length: CYCLES + 1 }, (_, n) => `${PAGE_PREFIX} ${n}`).join("|");
  await botUser.post({ action: "watch", titles, token: await botUser.token("watch") });
  await makeEdit("alpha", { title: `${PAGE_PREFIX} 0`, summary: "soak start" });
  for (const key of ["alpha", "beta"] as const) proxies.set(key, await startFaultProxy(fixtureWiki(key), { random }));
}, 120_000);

afterAll(async () => {
  for (const proxy of proxies.values()) await proxy.close();
  await deleteBotPassword("alpha", "BotUser", APP_ID).catch(() => undefined);
});

/** Each fault at the rate, and `first` (if given) on the next request of each wiki for certain. */
function breakEverything(rate: number, first?: Fault) {
  const rule = (fault: Fault) => ({ fault, retryAfterSeconds: 0, holdMs: CLIENT_TIMEOUT_MS * 3 });
  for (const proxy of proxies.values()) {
    proxy.setRules([
      ...(first ? [{ ...rule(first), rate: 1, times: 1 }] : []),
      ...FAULTS.map((fault) => ({ ...rule(fault), rate })),
    ]);
  }
}

function tally(outcome: SyncOutcome) {
  count(outcome.status === "failed" ? `failed:${outcome.failure.kind}:${outcome.failure.code}` : outcome.status);
}

describe(`${CYCLES} poll cycles with ${Math.round(FAULT_RATE * 100)}% of wiki requests failing`, () => {
  it(
    "end, once the wikis heal, with exactly the clean run's set on every link: 0 lost, 0 duplicated",
    async () => {
      // One Watchdeck user per link: a user links one wiki account once.
      const faulty: string[] = [];
      for (const [i, spec] of links.entries())
        faulty.push(await spec.make(await newUser(`soak-faulty-${i}@example.org`), proxies.get(spec.wiki)!.apiUrl));

      let newPages = 0;
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        breakEverything(perFaultRate, FAULTS[cycle - 1]);
        // The wiki moves on while it misbehaves: new changes arrive between polls.
        if (cycle % EDIT_EVERY === 0)
          await makeEdit("alpha", { title: `${PAGE_PREFIX} ${++newPages}`, summary: `soak cycle ${cycle}` });
        for (const linkId of faulty) tally(await syncLink(linkId, deps(network, { settings: pagePerCommit })));
      }

      for (const proxy of proxies.values()) proxy.clearRules();
      // Other tests edit the shared wikis meanwhile: a change made after a link's last sync began is for its next
      // poll, not lost. MediaWiki's timestamps have whole seconds, hence the second taken off.
      const lastSyncBegan = new Map<string, number>();
      for (const linkId of faulty) {
        const paused = await query(
          `SELECT last_error_kind, last_error_code, last_error FROM link_sync_states WHERE link_id = $1 AND paused`,
          [linkId],
        );
        expect(paused, "no link paused by a transient fault").toEqual([]);
        // The first sync ends a poll left under way, which read the wiki's newest changes when it began; the second
        // reads what came since, as the next scheduled poll would.
        expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", handedOn: false });
        lastSyncBegan.set(linkId, Math.floor(Date.now() / 1000) * 1000 - 1000);
        expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", handedOn: false });
      }

      const report: string[] = [];
      let lostTotal = 0;
      let duplicatedTotal = 0;
      for (const [i, spec] of links.entries()) {
        const clean = await spec.make(await newUser(`soak-clean-${i}@example.org`), fixtureWiki(spec.wiki).apiUrl);
        expect(await syncLink(clean, deps(network))).toMatchObject({ status: "synced" });
        const cleanKeys = await storedKeys(clean);
        const faultyKeys = await storedKeys(faulty[i]!);
        const faultySet = new Set(faultyKeys);
        const laterChanges = new Set(
          (
            await query<{ change_key: string }>(
              `SELECT c.change_key FROM link_changes lc JOIN changes c ON c.id = lc.change_id
               WHERE lc.link_id = $1 AND c.timestamp >= $2`,
              [clean, new Date(lastSyncBegan.get(faulty[i]!)!)],
            )
          ).map((r) => r.change_key),
        );
        const lost = cleanKeys.filter((k) => !faultySet.has(k) && !laterChanges.has(k)).length;
        const extra = faultyKeys.length - faultySet.size + [...faultySet].filter((k) => !cleanKeys.includes(k)).length;
        lostTotal += lost;
        duplicatedTotal += extra;
        report.push(
          `  ${spec.name}: clean ${cleanKeys.length}, after faults ${faultyKeys.length}, lost ${lost}, duplicated ${extra}`,
        );
      }
      const [dupeChanges] = await query<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT site_id, change_key FROM changes GROUP BY 1, 2 HAVING count(*) > 1) d`,
      );
      const faultCounts = [...proxies.values()]
        .flatMap((p) => p.log)
        .reduce<Record<string, number>>((acc, entry) => {
          const key = entry.fault ?? "ok";
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {});
      const requests = Object.values(faultCounts).reduce((a, b) => a + b, 0);
      console.log(
        [
          `[fault soak] seed ${seed}, ${CYCLES} cycles x ${links.length} links, ${newPages} new pages during faults`,
          `[fault soak] ${requests} wiki requests, ${requests - (faultCounts.ok ?? 0)} broken (${Math.round((100 * (requests - (faultCounts.ok ?? 0))) / requests)}%): ${JSON.stringify(faultCounts)}`,
          `[fault soak] poll outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`,
          ...report,
          `[fault soak] total lost ${lostTotal}, duplicated ${duplicatedTotal}, duplicate change rows ${dupeChanges!.n}`,
        ].join("\n"),
      );
      expect({ lost: lostTotal, duplicated: duplicatedTotal, duplicateChangeRows: Number(dupeChanges!.n) }).toEqual({
        lost: 0,
        duplicated: 0,
        duplicateChangeRows: 0,
      });
      // A soak whose rules stopped matching would be green with no fault at all: each kind must have fired.
      const fired = Object.fromEntries(FAULTS.map((fault) => [fault, faultCounts[fault] ?? 0]));
      expect(fired, `each fault fired at least ${MIN_PER_FAULT} times`).toEqual(
        Object.fromEntries(FAULTS.map((f) => [f, Math.max(fired[f]!, MIN_PER_FAULT)])),
      );
      expect(outcomes.get("synced") ?? 0, "some polls got through the faults").toBeGreaterThan(0);
    },
    120_000 + CYCLES * 10_000,
  );
});
