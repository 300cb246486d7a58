import { z } from "zod";
import { enqueueSync, ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction, pgPool } from "@/lib/db/postgres";
import { readAllWatchedTitles } from "@/lib/db/syncBackfill";

/**
 * Wikimedia's EventStreams (`recentchange`) as a trigger: a change on a page some link watches makes that link's
 * poll due now. The stream is never the record: the poll reads the watchlist as always, so a missed or repeated
 * event costs nothing but a poll's delay or a poll.
 */

// The part of a mediawiki/recentchange event (schema /mediawiki/recentchange/1.0.0) the trigger needs.
const recentChangeWire = z.object({
  server_url: z.string().min(1),
  title: z.string().min(1),
  type: z.string().optional(),
});

export interface RecentChange {
  /** e.g. "https://de.wikipedia.org", as sites.server. */
  server: string;
  /** The prefixed title with spaces, as list=watchlistraw gives it. */
  title: string;
}

/** One event's data, or null when it is not a page change (e.g. a canary event, or not JSON). */
export function parseRecentChange(data: string): RecentChange | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = recentChangeWire.safeParse(json);
  if (!parsed.success) return null;
  const meta = (json as { meta?: { domain?: unknown } }).meta;
  if (meta?.domain === "canary") return null;
  return { server: parsed.data.server_url.replace(/\/$/, ""), title: parsed.data.title.replace(/_/g, " ") };
}

/** Which links watch which title on which wiki, read from the links' last reconcile (list=watchlistraw). */
export class WatchedTitleIndex {
  private readonly byServer = new Map<string, Map<string, string[]>>();

  constructor(rows: ReadonlyArray<{ linkId: string; server: string; titles: readonly string[] }>) {
    for (const row of rows) {
      const server = row.server.replace(/\/$/, "");
      const titles = this.byServer.get(server) ?? new Map<string, string[]>();
      this.byServer.set(server, titles);
      for (const title of row.titles) {
        const links = titles.get(title);
        if (links) links.push(row.linkId);
        else titles.set(title, [row.linkId]);
      }
    }
  }

  linksWatching(change: RecentChange): readonly string[] {
    return this.byServer.get(change.server)?.get(change.title) ?? [];
  }
}

export async function loadWatchedTitleIndex(): Promise<WatchedTitleIndex> {
  return new WatchedTitleIndex(await readAllWatchedTitles());
}

/** Makes the links' polls due now (one job per link: an already queued one is moved up). */
export async function triggerPolls(linkIds: readonly string[]): Promise<void> {
  if (linkIds.length === 0) return;
  await ensureJobSchema();
  const now = new Date();
  await inTransaction(async (client) => {
    for (const linkId of linkIds) await enqueueSync(client, linkId, now);
  });
}

/**
 * The instance's one stream: whichever worker process holds this session lock keeps the connection; the others
 * try again now and then (a worker that dies frees it with its database session). Null when another holds it.
 */
export async function takeStreamLock(): Promise<{ release(): Promise<void> } | null> {
  const client = await pgPool().connect();
  try {
    const { rows } = await client.query<{ taken: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext('watchdeck:eventstreams')) AS taken`,
    );
    if (!rows[0]?.taken) {
      client.release();
      return null;
    }
  } catch (error) {
    client.release();
    throw error;
  }
  return {
    async release() {
      try {
        await client.query(`SELECT pg_advisory_unlock(hashtext('watchdeck:eventstreams'))`);
      } finally {
        client.release();
      }
    },
  };
}
