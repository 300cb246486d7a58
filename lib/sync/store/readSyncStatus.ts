import { pgPool } from "@/lib/db/postgres";

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
  lastErrorKind: "auth" | "transient" | "invalid" | "unavailable" | null;
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
    link_id: string; display_name: string; site_name: string; status: LinkSyncStatusRow["status"]; paused: boolean | null;
    sync_started_at: Date | null; last_success_at: Date | null; next_run_at: Date | null; last_items_fetched: number | null;
    last_items_new: number | null; total_items_fetched: string | null; stored_changes: string;
    last_error_kind: LinkSyncStatusRow["lastErrorKind"]; last_error: string | null; last_error_at: Date | null;
    consecutive_failures: number | null;
  }>(
    `SELECT w.id AS link_id, w.display_name, s.name AS site_name, st.status::text AS status, st.paused, st.sync_started_at,
            st.last_success_at, st.next_run_at, st.last_items_fetched, st.last_items_new, st.total_items_fetched,
            CASE WHEN $3::boolean THEN (SELECT count(*) FROM link_changes lc WHERE lc.link_id = w.id) ELSE 0 END AS stored_changes,
            st.last_error_kind::text AS last_error_kind, st.last_error, st.last_error_at, st.consecutive_failures
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
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures ?? 0,
  }));
}
