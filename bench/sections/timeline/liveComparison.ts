import { createLink } from "@/lib/links/createLink";
import { createSafeFetch } from "@/lib/net/safeFetch";
import { buildSyncSettings } from "@/lib/sync/settings";
import { syncLink } from "@/lib/sync/syncLink";
import { loadTimelineView } from "@/lib/timeline/loadTimelineView";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import packageJson from "@/package.json";
import { startWikisForRun } from "@/test/mediawiki/lifecycle";
import type { MwClient } from "@/test/mediawiki/mwApi";
import { fetchWatchlist } from "@/test/mediawiki/watchlist";
import { apiClient } from "@/test/mediawiki/wikiActions";
import { percentile } from "./percentile";

const PAGE = 50;

export interface LiveComparison {
  wikis: string[];
  live: number[];
  stored: number[];
}

/**
 * A merged first page of 5 real wikis' watchlists: asked of each wiki's API at
 * once and merged (GlobalWatchlist's way, sessions already open), versus read
 * from Watchdeck's store after one sync of each.
 */
export async function compareWithLiveWikis(
  databaseUrl: string,
  benchUserId: string,
  runs: number,
  log: (l: string) => void,
): Promise<LiveComparison> {
  // The wikis this bench started stop when it is done; ones that were running already stay up.
  const { manifest, stop } = await startWikisForRun({ wikis: ["alpha", "beta"], extraWikis: 3, log });
  try {
    const keys = Object.keys(manifest.wikis).slice(0, 5);
    const clients: MwClient[] = await Promise.all(keys.map((key) => apiClient(key, "Alice@watchdeck")));
    const live: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const started = performance.now();
      const lists = await Promise.all(
        clients.map((client) =>
          fetchWatchlist(client, { allrev: true, params: { wllimit: PAGE, wldir: "older" } }).catch(() => ({
            rows: [],
          })),
        ),
      );
      const merged = lists
        .flatMap((l) => l.rows.slice(0, PAGE))
        .sort((a, b) => String(b.timestamp).localeCompare(String(a.timestamp)))
        .slice(0, PAGE);
      if (merged.length === 0) throw new Error("the live wikis returned no watchlist rows");
      if (i >= 2) live.push(performance.now() - started);
    }

    process.env.DATABASE_URL = databaseUrl;
    const network = {
      fetch: createSafeFetch({ allowPrivateNetworks: true, timeoutMs: 30_000 }),
      userAgent: {
        appName: "Watchdeck-bench",
        appVersion: packageJson.version,
        contact: "https://example.org/watchdeck",
      },
    };
    for (const key of keys) {
      const wiki = manifest.wikis[key]!;
      const secret = wiki.botPasswords.find((b) => b.loginName === "Alice@watchdeck")!.password;
      const linked = await createLink(
        benchUserId,
        { wikiUrl: wiki.apiUrl, authMode: "bot_password", username: "Alice@watchdeck", secret },
        network,
      );
      if (!linked.ok) throw new Error(`linking ${key}: ${linked.failure.message}`);
      await syncLink(linked.value.linkId, { network, settings: buildSyncSettings({}, 120) });
    }
    const stored: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const started = performance.now();
      await loadTimelineView({ userId: benchUserId, timeZone: "UTC" }, NO_FILTERS, null, PAGE);
      if (i >= 2) stored.push(performance.now() - started);
    }
    log(
      `live comparison: p50 live ${percentile(live, 50).toFixed(1)} ms, stored ${percentile(stored, 50).toFixed(1)} ms`,
    );
    return { wikis: keys, live, stored };
  } finally {
    await stop();
  }
}
