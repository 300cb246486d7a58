import type pg from "pg";
import { storableText } from "@/lib/changes/storableText";
import { pgPool } from "./postgres";

// Every statement on link_sync_states: where each link's sync stands.

/** sync_error_kind: lib/sync's SyncFailure kinds. */
export type SyncErrorKind = "auth" | "transient" | "invalid" | "unavailable";

/** What a failed sync records; lib/sync's SyncFailure is one. */
export interface RecordedFailure {
  kind: SyncErrorKind;
  code: string;
  message: string;
}

/** A sync began: shown as running until it records its outcome. */
export async function markSyncStarted(linkId: string): Promise<void> {
  await pgPool().query(
    `INSERT INTO link_sync_states (link_id, status, sync_started_at, last_attempt_at, updated_at)
     VALUES ($1::uuid, 'syncing', now(), now(), now())
     ON CONFLICT (link_id) DO UPDATE SET status = 'syncing', sync_started_at = now(), last_attempt_at = now(), updated_at = now()`,
    [linkId],
  );
}

/** What a commit of a poll adds: its changes, how many were new to the link, the requests that read them. */
export interface PollCounts {
  fetched: number;
  newForLink: number;
  requests: number;
}

export interface SyncSuccess extends PollCounts {
  /** The newest change time of the poll's last commit; the cursor becomes the newest of the whole poll. */
  cursorAt: Date | null;
  nextRunAt: Date;
  changeRatePerHour: number | null;
}

/** What the schedule needs to know about a poll whose last page is being stored (read in its transaction). */
export interface FinishingPoll {
  /** Changes new to the link in the poll's earlier commits and jobs. */
  newBefore: number;
  lastSuccessAt: Date | null;
  changeRatePerHour: number | null;
  /** A backfill reads old changes: they say nothing of how busy the watchlist is. */
  backfill: boolean;
}

export async function readFinishingPoll(client: pg.ClientBase, linkId: string): Promise<FinishingPoll> {
  const { rows } = await client.query<{
    new_before: number;
    last_success_at: Date | null;
    change_rate_per_hour: number | null;
    backfill: boolean;
  }>(
    `SELECT CASE WHEN resume_continue IS NULL THEN 0 ELSE last_items_new END AS new_before, last_success_at,
            change_rate_per_hour, backfill_started_at IS NOT NULL AS backfill
     FROM link_sync_states WHERE link_id = $1::uuid FOR UPDATE`,
    [linkId],
  );
  const row = rows[0];
  return {
    newBefore: row?.new_before ?? 0,
    lastSuccessAt: row?.last_success_at ?? null,
    changeRatePerHour: row?.change_rate_per_hour ?? null,
    backfill: row?.backfill ?? false,
  };
}

// A poll's counts add up over its commits (and jobs): a commit with no poll under way (resume_continue null)
// starts them from zero. $3 fetched, $4 new for the link, $5 requests.
const ADD_POLL_COUNTS = `
       last_new_change_at = CASE WHEN $4::int > 0 THEN now() ELSE last_new_change_at END,
       last_items_fetched = CASE WHEN resume_continue IS NULL THEN 0 ELSE last_items_fetched END + $3::int,
       last_items_new = CASE WHEN resume_continue IS NULL THEN 0 ELSE last_items_new END + $4::int,
       last_requests = CASE WHEN resume_continue IS NULL THEN 0 ELSE last_requests END + $5::int,
       total_items_fetched = total_items_fetched + $3::int`;

// A backfill that began after the last request for one has read everything asked for; a request made while it
// ran stays, for another.
const END_BACKFILL = `
       backfill_requested_at = CASE WHEN backfill_requested_at <= backfill_started_at THEN NULL ELSE backfill_requested_at END,
       backfill_started_at = NULL`;

/** The poll's last page is stored: the cursor moves to the newest change the whole poll read. */
export async function markSyncSucceeded(client: pg.ClientBase, linkId: string, success: SyncSuccess): Promise<void> {
  await client.query(
    `UPDATE link_sync_states SET
       status = 'ok', sync_started_at = NULL, last_success_at = now(),
       cursor_at = GREATEST(cursor_at, resume_cursor_at, $2::timestamptz),
       resume_continue = NULL, resume_cursor_at = NULL, resume_pages = 0,
       ${ADD_POLL_COUNTS},
       ${END_BACKFILL},
       last_error_kind = NULL, last_error_code = NULL, last_error = NULL, last_error_at = NULL,
       consecutive_failures = 0, next_run_at = $6, change_rate_per_hour = $7, updated_at = now()
     WHERE link_id = $1::uuid`,
    [
      linkId,
      success.cursorAt,
      success.fetched,
      success.newForLink,
      success.requests,
      success.nextRunAt,
      success.changeRatePerHour,
    ],
  );
}

export interface PollProgress extends PollCounts {
  /** The wiki's `continue` for the poll's next page. */
  continueFrom: Record<string, string>;
  /** The newest change time of this commit. */
  cursorAt: Date | null;
}

/**
 * Part of a long poll is stored: where it goes on from is kept with it, and the cursor stays put until the
 * poll's last page is stored, so a crash or failure from here on resumes at the next page and skips nothing.
 */
export async function markPollProgress(client: pg.ClientBase, linkId: string, progress: PollProgress): Promise<void> {
  await client.query(
    `UPDATE link_sync_states SET
       ${ADD_POLL_COUNTS},
       resume_continue = $2::jsonb, resume_cursor_at = GREATEST(resume_cursor_at, $6::timestamptz),
       resume_pages = resume_pages + $5::int, updated_at = now()
     WHERE link_id = $1::uuid`,
    [
      linkId,
      JSON.stringify(progress.continueFrom),
      progress.fetched,
      progress.newForLink,
      progress.requests,
      progress.cursorAt,
    ],
  );
}

export async function markSyncFailed(
  client: pg.ClientBase,
  linkId: string,
  failure: RecordedFailure,
  outcome: {
    status: "error" | "needs_attention";
    paused: boolean;
    nextRunAt: Date;
    requests: number;
    restartPoll: boolean;
  },
): Promise<void> {
  await client.query(
    `UPDATE link_sync_states SET
       status = $2::sync_status, paused = $3, sync_started_at = NULL,
       resume_continue = CASE WHEN $9::boolean THEN NULL ELSE resume_continue END,
       resume_cursor_at = CASE WHEN $9::boolean THEN NULL ELSE resume_cursor_at END,
       resume_pages = CASE WHEN $9::boolean THEN 0 ELSE resume_pages END,
       backfill_started_at = CASE WHEN $9::boolean THEN NULL ELSE backfill_started_at END,
       last_error_kind = $4::sync_error_kind, last_error_code = $5, last_error = $6, last_error_at = now(),
       consecutive_failures = consecutive_failures + 1, last_requests = $8,
       next_run_at = $7, updated_at = now()
     WHERE link_id = $1::uuid`,
    // The code and message may quote the wiki (its error code): a NUL there must not stop the failure being recorded.
    [
      linkId,
      outcome.status,
      outcome.paused,
      failure.kind,
      storableText(failure.code),
      storableText(failure.message),
      outcome.nextRunAt,
      outcome.requests,
      outcome.restartPoll,
    ],
  );
}

/** Un-pauses a link (after the user fixed it) and makes it due now. */
export async function markSyncResumed(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(
    `INSERT INTO link_sync_states (link_id, next_run_at, updated_at) VALUES ($1::uuid, now(), now())
     ON CONFLICT (link_id) DO UPDATE SET
       paused = false, consecutive_failures = 0, next_run_at = now(), updated_at = now(),
       status = CASE WHEN link_sync_states.status = 'syncing' THEN 'syncing'::sync_status ELSE 'ok'::sync_status END`,
    [linkId],
  );
}

/** The link reads another wiki account now: its sync starts over, as a first sync, due at once. */
export async function markSyncStartedOver(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(
    `INSERT INTO link_sync_states (link_id, next_run_at, updated_at) VALUES ($1::uuid, now(), now())
     ON CONFLICT (link_id) DO UPDATE SET
       status = 'ok', paused = false, cursor_at = NULL, resume_continue = NULL, resume_cursor_at = NULL, resume_pages = 0,
       last_success_at = NULL, last_new_change_at = NULL, last_items_fetched = 0, last_items_new = 0, last_requests = 0,
       last_error_kind = NULL, last_error_code = NULL, last_error = NULL, last_error_at = NULL, consecutive_failures = 0,
       backfill_requested_at = NULL, backfill_started_at = NULL, watched_titles = '{}', watched_titles_at = NULL,
       next_run_at = now(), updated_at = now()`,
    [linkId],
  );
}

/** Every link gets a state row, due at once; returns how many were new. */
export async function ensureSyncStates(): Promise<number> {
  const { rowCount } = await pgPool().query(
    `INSERT INTO link_sync_states (link_id, next_run_at, updated_at)
     SELECT w.id, now(), now() FROM wiki_links w
     WHERE NOT EXISTS (SELECT 1 FROM link_sync_states s WHERE s.link_id = w.id)
     ON CONFLICT (link_id) DO NOTHING`,
  );
  return rowCount ?? 0;
}

/** Links that should have a job now: due, or marked running by a sync that may have died. */
export async function findDueLinks(horizon: Date): Promise<{ linkId: string; nextRunAt: Date; syncing: boolean }[]> {
  const { rows } = await pgPool().query<{ link_id: string; next_run_at: Date; syncing: boolean }>(
    `SELECT link_id, next_run_at, status = 'syncing' AS syncing FROM link_sync_states
     WHERE NOT paused AND (next_run_at <= $1 OR status = 'syncing')
     ORDER BY next_run_at LIMIT 1000`,
    [horizon],
  );
  return rows.map((r) => ({ linkId: r.link_id, nextRunAt: r.next_run_at, syncing: r.syncing }));
}

export interface LinkSyncStatusRow {
  linkId: string;
  displayName: string;
  siteName: string;
  status: "ok" | "syncing" | "needs_attention" | "error" | null;
  paused: boolean;
  syncStartedAt: Date | null;
  lastSuccessAt: Date | null;
  nextRunAt: Date | null;
  lastItemsFetched: number;
  lastItemsNew: number;
  totalItemsFetched: number;
  storedChanges: number;
  lastErrorKind: SyncErrorKind | null;
  lastErrorCode: string | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
}

/** `countStoredChanges: false` skips counting each link's rows (storedChanges is then 0): the timeline only needs the errors. */
export async function readSyncStatusRows(
  userId: string,
  { linkId, countStoredChanges = true }: { linkId?: string; countStoredChanges?: boolean } = {},
): Promise<LinkSyncStatusRow[]> {
  const { rows } = await pgPool().query<{
    link_id: string;
    display_name: string;
    site_name: string;
    status: LinkSyncStatusRow["status"];
    paused: boolean | null;
    sync_started_at: Date | null;
    last_success_at: Date | null;
    next_run_at: Date | null;
    last_items_fetched: number | null;
    last_items_new: number | null;
    total_items_fetched: string | null;
    stored_changes: string;
    last_error_kind: LinkSyncStatusRow["lastErrorKind"];
    last_error_code: string | null;
    last_error: string | null;
    last_error_at: Date | null;
    consecutive_failures: number | null;
  }>(
    `SELECT w.id AS link_id, w.display_name, s.name AS site_name, st.status::text AS status, st.paused, st.sync_started_at,
            st.last_success_at, st.next_run_at, st.last_items_fetched, st.last_items_new, st.total_items_fetched,
            CASE WHEN $3::boolean THEN (SELECT count(*) FROM link_changes lc WHERE lc.link_id = w.id) ELSE 0 END AS stored_changes,
            st.last_error_kind::text AS last_error_kind, st.last_error_code, st.last_error, st.last_error_at, st.consecutive_failures
     FROM wiki_links w JOIN sites s ON s.id = w.site_id
     LEFT JOIN link_sync_states st ON st.link_id = w.id
     WHERE w.user_id = $1::uuid AND ($2::uuid IS NULL OR w.id = $2::uuid)
     ORDER BY w.created_at, w.id`,
    [userId, linkId ?? null, countStoredChanges],
  );
  return rows.map((r) => ({
    linkId: r.link_id,
    displayName: r.display_name,
    siteName: r.site_name,
    status: r.status,
    paused: r.paused ?? false,
    syncStartedAt: r.sync_started_at,
    lastSuccessAt: r.last_success_at,
    nextRunAt: r.next_run_at,
    lastItemsFetched: r.last_items_fetched ?? 0,
    lastItemsNew: r.last_items_new ?? 0,
    totalItemsFetched: Number(r.total_items_fetched ?? 0),
    storedChanges: Number(r.stored_changes),
    lastErrorKind: r.last_error_kind,
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures ?? 0,
  }));
}
