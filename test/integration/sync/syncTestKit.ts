import pg from "pg";
import { registerUser } from "@/lib/accounts/registerUser";
import { createLink } from "@/lib/links/createLink";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { createSafeFetch } from "@/lib/net/safeFetch";
import { buildSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import type { SyncDeps } from "@/lib/sync/syncLink";
import type { WikiManifest } from "@/test/mediawiki/manifest";
import { expectedChanges } from "@/test/mediawiki/seedPlan";
import { readWatchlist } from "@/test/mediawiki/wikiActions";
import { loopbackNetwork } from "@/test/support/wikiFixture";

/** Fast settings for tests: backoff in fractions of a second, wide slots. */
export const testSettings: SyncSettings = {
  ...buildSyncSettings({}, 120),
  retryBaseSeconds: 0.05,
  maxBackoffSeconds: 1,
  busyRetrySeconds: 0.1,
};

/** The loopback network, counting every HTTP request it makes. */
export function countingNetwork(timeoutMs = 15_000): WikiNetwork & { requests: string[] } {
  const base = loopbackNetwork();
  const guarded = createSafeFetch({ allowPrivateNetworks: true, timeoutMs });
  const requests: string[] = [];
  return {
    ...base,
    requests,
    fetch: (url, init) => {
      requests.push(String(url));
      return guarded(url, init);
    },
  };
}

export function deps(network: WikiNetwork, extra: Partial<SyncDeps> = {}): Partial<SyncDeps> {
  return { settings: testSettings, network, random: () => 0.5, ...extra };
}

export async function newUser(email: string): Promise<string> {
  const result = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.id;
}

export async function linkWithBotPassword(
  userId: string,
  apiUrl: string,
  loginName: string,
  password: string,
  network: WikiNetwork,
): Promise<string> {
  const result = await createLink(
    userId,
    { wikiUrl: apiUrl, authMode: "bot_password", username: loginName, secret: password },
    network,
  );
  if (!result.ok) throw new Error(`could not link ${loginName}: ${result.failure.message}`);
  return result.value.linkId;
}

export async function linkWithToken(
  userId: string,
  apiUrl: string,
  owner: string,
  token: string,
  source: "api" | "feed",
  network: WikiNetwork,
): Promise<string> {
  const result = await createLink(
    userId,
    { wikiUrl: apiUrl, authMode: "watchlist_token", username: owner, secret: token, source },
    network,
  );
  if (!result.ok) throw new Error(`could not link ${owner}'s token: ${result.failure.message}`);
  return result.value.linkId;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The change keys a link has stored, sorted. */
export async function storedKeys(linkId: string): Promise<string[]> {
  const rows = await query<{ change_key: string }>(
    `SELECT c.change_key FROM link_changes lc JOIN changes c ON c.id = lc.change_id WHERE lc.link_id = $1 ORDER BY 1`,
    [linkId],
  );
  return rows.map((r) => r.change_key);
}

/**
 * A change by the fields the wiki's raw list=watchlist row gives (revid or logid, timestamp, title), read
 * with no product code, so a parser or key bug cannot shape both sides of a comparison.
 */
function identity(id: string, timestamp: string, title: string): string {
  return `${id} ${timestamp} ${title}`;
}

export interface RawWatchlistRow {
  type: string;
  revid?: number;
  logid?: number;
  timestamp: string;
  title: string;
}

/** The watcher's watchlist as the wiki answers it right now, as identities; and the raw rows. */
export async function wikiIdentities(
  wiki: "alpha" | "beta",
  watcher: "Alice" | "Bob" = "Alice",
): Promise<{ identities: Set<string>; rows: RawWatchlistRow[] }> {
  const { rows } = (await readWatchlist(wiki, { user: watcher })) as { rows: RawWatchlistRow[] };
  return { identities: rowIdentities(rows), rows };
}

/** Raw list=watchlist rows (read by any account) as identities. */
export function rowIdentities(rows: readonly RawWatchlistRow[]): Set<string> {
  return new Set(
    rows.map((r) => identity(r.type === "log" ? `log:${r.logid}` : `rev:${r.revid}`, r.timestamp, r.title)),
  );
}

/** What a link stored, as identities from its rows' own columns, sorted. */
export async function storedIdentities(linkId: string): Promise<string[]> {
  const rows = await query<{
    kind: string;
    rev_id: string | null;
    log_id: string | null;
    timestamp: Date;
    title: string;
  }>(
    `SELECT c.kind::text AS kind, c.rev_id::text AS rev_id, c.log_id::text AS log_id, c."timestamp", c.title
     FROM link_changes lc JOIN changes c ON c.id = lc.change_id WHERE lc.link_id = $1`,
    [linkId],
  );
  return rows
    .map((r) =>
      identity(
        r.kind === "log" ? `log:${r.log_id}` : `rev:${r.rev_id}`,
        r.timestamp.toISOString().replace(/\.\d{3}Z$/, "Z"),
        r.title,
      ),
    )
    .sort();
}

export async function syncState(linkId: string) {
  const [row] = await query<Record<string, unknown>>(`SELECT * FROM link_sync_states WHERE link_id = $1`, [linkId]);
  return row;
}

interface SeededChange {
  label: string;
  rcType: string;
  title: string;
  revid?: number;
  logid?: number;
  pageid?: number;
  timestamp: string;
}

/** The key each seeded change of a watcher's watchlist must be stored under, by seed label (from seedPlan + manifest ids). */
export function expectedSeedKeys(wiki: WikiManifest, watcher: "Alice" | "Bob"): Map<string, string> {
  const recorded = (wiki.seed as unknown as { changes: Record<string, SeededChange> }).changes;
  const keys = new Map<string, string>();
  for (const expected of expectedChanges(wiki.key, watcher)) {
    const seeded = recorded[expected.label];
    if (!seeded) throw new Error(`the manifest has no seeded change ${expected.label}`);
    keys.set(expected.label, keyOf(expected.rcType, seeded));
  }
  return keys;
}

function keyOf(rcType: string, seeded: SeededChange): string {
  if (rcType === "log") return `log:${seeded.logid}`;
  if (rcType === "categorize") return `cat:${seeded.revid}:${seeded.title}`;
  return `rev:${seeded.revid}`;
}
