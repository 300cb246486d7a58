import { paceAfterPoll } from "@/lib/sync/schedule";
import { buildSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import { seededRandom } from "@/test/support/seededRandom";
import type { BenchSection } from "../run";
import type { BenchTable } from "../table";

/**
 * What polling costs a wiki: links with watchlists of a given busyness, scheduled by the sync's own pacing
 * (paceAfterPoll) with the default settings, over simulated days of changes arriving at random (Poisson). A
 * poll of a link with no long backlog is one list=watchlist request; the periodic list=watchlistraw reconcile
 * adds one request per link every 6 hours. No database or wiki is involved: this is the schedule's arithmetic,
 * run long enough to reach its steady state (the first simulated day is not counted).
 */

const HOUR_MS = 3_600_000;
const DAYS = 15;
const WARM_UP_DAYS = 1;
const PROFILES: { label: string; changesPerHour: number }[] = [
  { label: "dormant (nothing changes)", changesPerHour: 0 },
  { label: "quiet (about 1 a day)", changesPerHour: 1 / 24 },
  { label: "calm (about 1 in 2 hours)", changesPerHour: 0.5 },
  { label: "active (2 an hour)", changesPerHour: 2 },
  { label: "busy (6 an hour)", changesPerHour: 6 },
  { label: "very busy (60 an hour)", changesPerHour: 60 },
];

interface Steady {
  requestsPerHour: number;
  meanDelayMinutes: number;
}

function simulate(changesPerHour: number, settings: SyncSettings, seed: number): Steady {
  const random = seededRandom(seed);
  const start = Date.UTC(2026, 0, 1);
  const end = start + DAYS * 24 * HOUR_MS;
  const countFrom = start + WARM_UP_DAYS * 24 * HOUR_MS;
  // Changes arrive as a Poisson process; each waits for the next poll.
  const changes: number[] = [];
  for (let t = start; changesPerHour > 0; ) {
    t += (-Math.log(1 - random()) / changesPerHour) * HOUR_MS;
    if (t >= end) break;
    changes.push(t);
  }
  let requests = 0;
  let delaySum = 0;
  let delayed = 0;
  let next = 0;
  let rate: number | null = null;
  let lastSuccessAt: Date | null = null;
  let lastReconcile = start;
  for (let now = start; now < end; ) {
    let newForPoll = 0;
    while (next < changes.length && changes[next]! <= now) {
      if (changes[next]! >= countFrom) {
        delaySum += now - changes[next]!;
        delayed++;
      }
      newForPoll++;
      next++;
    }
    const reconcile = now - lastReconcile >= settings.reconcileSeconds * 1000;
    if (reconcile) lastReconcile = now;
    if (now >= countFrom) requests += 1 + (reconcile ? 1 : 0);
    const pace = paceAfterPoll(
      new Date(now),
      settings,
      { newForPoll, lastSuccessAt, changeRatePerHour: rate, backfill: false },
      random,
    );
    rate = pace.changeRatePerHour;
    lastSuccessAt = new Date(now);
    now = pace.nextRunAt.getTime();
  }
  const hours = (end - countFrom) / HOUR_MS;
  return { requestsPerHour: requests / hours, meanDelayMinutes: delayed ? delaySum / delayed / 60_000 : 0 };
}

export const pollingSection: BenchSection = async () => {
  const settings = buildSyncSettings({}, 120);
  const fixedPerHour = 3600 / settings.intervalSeconds + 1 / 6;
  const results = PROFILES.map((profile, i) => ({ ...profile, ...simulate(profile.changesPerHour, settings, 23 + i) }));
  const perLink: BenchTable = {
    title: `Polling: steady-state requests per link (default settings: ${settings.intervalSeconds / 60}–${settings.quietIntervalSeconds / 60} min, reconcile every ${settings.reconcileSeconds / 3600} h; ${DAYS - WARM_UP_DAYS} simulated days)`,
    columns: ["watchlist", "changes/h", "requests/h", "vs fixed 2 min", "mean wait for a change"],
    rows: results.map((r) => [
      r.label,
      r.changesPerHour.toFixed(2),
      r.requestsPerHour.toFixed(2),
      `${((r.requestsPerHour / fixedPerHour) * 100).toFixed(0)} %`,
      r.changesPerHour > 0 ? `${r.meanDelayMinutes.toFixed(1)} min` : "-",
    ]),
    notes: [
      `A fixed 2-minute interval costs ${fixedPerHour.toFixed(2)} requests/h per link whatever the watchlist does.`,
    ],
  };
  const byLabel = new Map(results.map((r) => [r.changesPerHour, r.requestsPerHour]));
  const mixes: { label: string; shares: [number, number][] }[] = [
    { label: "all busy (6/h)", shares: [[6, 1]] },
    {
      label: "typical: 10% busy, 30% active, 40% calm, 20% quiet",
      shares: [
        [6, 0.1],
        [2, 0.3],
        [0.5, 0.4],
        [1 / 24, 0.2],
      ],
    },
    { label: "all quiet (1/day)", shares: [[1 / 24, 1]] },
  ];
  const instance: BenchTable = {
    title: "Polling: what 1,000 users with 5 wikis each cost one wiki that all of them link (1,000 links on its host)",
    columns: ["mix of watchlists", "requests/h", "requests/s"],
    rows: mixes.map((mix) => {
      const perHour = 1000 * mix.shares.reduce((sum, [rate, share]) => sum + share * byLabel.get(rate)!, 0);
      return [mix.label, perHour.toFixed(0), (perHour / 3600).toFixed(2)];
    }),
    notes: [
      "Every request goes through the host's gate: at most 2 in flight across all workers, whatever the mix.",
      `A fixed 2-minute interval would cost ${((1000 * fixedPerHour) / 3600).toFixed(2)} requests/s for the same 1,000 links.`,
    ],
  };
  return [perLink, instance];
};
