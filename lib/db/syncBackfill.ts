import type pg from "pg";
import { pgPool } from "./postgres";

// The statements on link_sync_states' backfill and watched-title columns (the rest are in syncStates.ts).

/** The link started watching titles: its next poll reads the wiki's whole window. */
export async function markBackfillRequested(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(
    `INSERT INTO link_sync_states (link_id, backfill_requested_at, next_run_at, updated_at) VALUES ($1::uuid, now(), now(), now())
     ON CONFLICT (link_id) DO UPDATE SET backfill_requested_at = now(), updated_at = now()`,
    [linkId],
  );
}

export interface BackfillStart {
  /** The backfill's own poll to go on with; null = it starts at the newest change. */
  resume: { continueFrom: Record<string, string>; pages: number } | null;
}

/**
 * Called by a sync holding the link's lease. Null when no backfill is wanted. Otherwise a backfill poll under
 * way goes on; else one begins now, and an incremental poll under way is dropped: the backfill reads all it would.
 */
export async function beginBackfill(linkId: string): Promise<BackfillStart | null> {
  const { rows } = await pgPool().query<{ resume_continue: Record<string, string> | null; resume_pages: number }>(
    `UPDATE link_sync_states SET
       backfill_started_at = COALESCE(backfill_started_at, now()),
       resume_continue = CASE WHEN backfill_started_at IS NULL THEN NULL ELSE resume_continue END,
       resume_cursor_at = CASE WHEN backfill_started_at IS NULL THEN NULL ELSE resume_cursor_at END,
       resume_pages = CASE WHEN backfill_started_at IS NULL THEN 0 ELSE resume_pages END,
       updated_at = now()
     WHERE link_id = $1::uuid AND backfill_requested_at IS NOT NULL
     RETURNING resume_continue, resume_pages`,
    [linkId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    resume: row.resume_continue === null ? null : { continueFrom: row.resume_continue, pages: row.resume_pages },
  };
}

/** The titles the link watched at its last reconcile; null before its first. */
export async function readWatchedTitles(linkId: string): Promise<string[] | null> {
  const { rows } = await pgPool().query<{ watched_titles: string[]; watched_titles_at: Date | null }>(
    `SELECT watched_titles, watched_titles_at FROM link_sync_states WHERE link_id = $1::uuid`,
    [linkId],
  );
  const row = rows[0];
  return row?.watched_titles_at ? row.watched_titles : null;
}

/** Keeps what a reconcile read; `backfill`: some titles are new, so the next poll reads the whole window. */
export async function storeWatchedTitles(
  client: pg.ClientBase,
  linkId: string,
  titles: readonly string[],
  backfill: boolean,
): Promise<void> {
  await client.query(
    `UPDATE link_sync_states SET watched_titles = $2::text[], watched_titles_at = now(),
       backfill_requested_at = CASE WHEN $3::boolean THEN now() ELSE backfill_requested_at END, updated_at = now()
     WHERE link_id = $1::uuid`,
    [linkId, [...titles], backfill],
  );
}

/** Every link's watched titles with its wiki's origin (sites.server), for matching the wikis' change streams. */
export async function readAllWatchedTitles(): Promise<Array<{ linkId: string; server: string; titles: string[] }>> {
  const { rows } = await pgPool().query<{ link_id: string; server: string; watched_titles: string[] }>(
    `SELECT st.link_id, s.server, st.watched_titles
     FROM link_sync_states st JOIN wiki_links w ON w.id = st.link_id JOIN sites s ON s.id = w.site_id
     WHERE st.watched_titles_at IS NOT NULL AND NOT coalesce(st.paused, false)`,
  );
  return rows.map((row) => ({ linkId: row.link_id, server: row.server, titles: row.watched_titles }));
}
