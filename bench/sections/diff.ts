import { randomUUID } from "node:crypto";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { createSafeFetch } from "@/lib/net/safeFetch";
import packageJson from "@/package.json";
import { startWikisForRun } from "@/test/mediawiki/lifecycle";
import { apiClient } from "@/test/mediawiki/wikiActions";
import type { BenchSection } from "../run";
import { percentile } from "./timeline/percentile";

/** Distinct changes opened (each a diff the cache has not seen), after a few to warm up. */
const CHANGES = 60;
const WARM_UP = 5;

interface RecentChange {
  type: "edit" | "new";
  title: string;
  ns: number;
  revid: number;
  old_revid: number;
}

/**
 * The inline diff (issue 27): opening a change's diff the first time (action=compare against the local fixture
 * wiki, read anonymously as for a token link, sanitised and stored) and opening it again (from Postgres only).
 * Each sample is loadChangeDiff as the route calls it, visibility check included.
 */
export const diffSection: BenchSection = async ({ db, log }) => {
  process.env.DATABASE_URL = await db.fresh("diff");
  const { prisma } = await import("@/lib/db/postgres");
  const { createLink } = await import("@/lib/links/createLink");
  const { loadChangeDiff } = await import("@/lib/diffs/loadChangeDiff");
  const { manifest, stop } = await startWikisForRun({ wikis: ["alpha"], log });
  try {
    const alpha = manifest.wikis.alpha!;
    const network: WikiNetwork = {
      fetch: createSafeFetch({ allowPrivateNetworks: true, timeoutMs: 30_000 }),
      userAgent: {
        appName: "Watchdeck-bench",
        appVersion: packageJson.version,
        contact: "https://example.org/bench",
      },
    };
    const user = await prisma().user.create({
      data: { email: `diff-bench-${randomUUID()}@example.org`, passwordHash: "x" },
    });
    const linked = await createLink(
      user.id,
      {
        wikiUrl: alpha.apiUrl,
        authMode: "watchlist_token",
        username: "Alice",
        secret: alpha.watchlistTokens.Alice!,
        source: "api",
      },
      network,
    );
    if (!linked.ok) throw new Error(linked.failure.message);
    const link = await prisma().wikiLink.findUniqueOrThrow({ where: { id: linked.value.linkId } });

    const wiki = await apiClient("alpha", "anon");
    const answer = await wiki.get({
      action: "query",
      list: "recentchanges",
      rctype: "edit|new",
      rcprop: "ids|title",
      rclimit: 500,
    });
    const recent = answer.query.recentchanges as RecentChange[];
    const changeIds: bigint[] = [];
    for (const rc of recent) {
      const timestamp = new Date();
      const change = await prisma().change.create({
        data: {
          siteId: link.siteId,
          changeKey: `rev:${rc.revid}`,
          kind: rc.type,
          source: "api",
          namespace: rc.ns,
          title: rc.title,
          revId: BigInt(rc.revid),
          oldRevId: BigInt(rc.old_revid),
          userHidden: false,
          anon: false,
          commentHidden: false,
          timestamp,
          minor: false,
          bot: false,
          isNew: rc.type === "new",
        },
      });
      await prisma().linkChange.create({
        data: {
          linkId: link.id,
          changeId: change.id,
          userId: user.id,
          siteId: link.siteId,
          timestamp,
          namespace: rc.ns,
          kind: rc.type,
          minor: false,
          bot: false,
          anon: false,
        },
      });
      changeIds.push(change.id);
    }

    const scope = { kind: "user" as const, userId: user.id };
    /** The time to open it, or null for a revision the wiki hides (tests revision-delete some): not a sample. */
    const open = async (changeId: bigint, cached: boolean) => {
      const started = performance.now();
      const diff = await loadChangeDiff(scope, changeId, network);
      const ms = performance.now() - started;
      if (!diff.ok && diff.failure.kind === "unavailable" && !cached) return null;
      if (!diff.ok) throw new Error(`diff of change ${changeId}: ${diff.failure.message}`);
      if (diff.value.cached !== cached) throw new Error(`change ${changeId}: expected cached=${cached}`);
      return ms;
    };
    const measured: bigint[] = [];
    const first: number[] = [];
    let warm = 0;
    for (const id of changeIds) {
      if (measured.length === CHANGES) break;
      const ms = await open(id, false);
      if (ms === null) continue;
      if (warm < WARM_UP) {
        warm++;
        continue;
      }
      measured.push(id);
      first.push(ms);
    }
    if (measured.length < CHANGES) throw new Error(`only ${measured.length} of the wiki's recent changes have a diff`);
    const again: number[] = [];
    for (const id of measured) again.push((await open(id, true))!);

    const row = (what: string, samples: number[], target: number) => {
      const p95 = percentile(samples, 95);
      return [
        what,
        samples.length,
        `${percentile(samples, 50).toFixed(1)} ms`,
        `${p95.toFixed(1)} ms`,
        `${Math.max(...samples).toFixed(1)} ms`,
        `≤ ${target} ms`,
        p95 <= target ? "met" : "MISSED",
      ];
    };
    return [
      {
        title: `Inline diff of a change (${alpha.mwVersion}, local fixture wiki, anonymous read)`,
        columns: ["open", "n", "p50", "p95", "max", "target p95", ""],
        rows: [
          row("first open: action=compare, sanitise, store", first, 300),
          row("re-open: from Postgres, no wiki request", again, 20),
        ],
        notes: [
          `${CHANGES} distinct edits and page creations of the wiki's recent changes, one at a time, after ${WARM_UP} to warm up.`,
        ],
      },
    ];
  } finally {
    await stop();
  }
};
