import { pgPool } from "@/lib/db/postgres";

/** What a sync needs to know about a link before it talks to the wiki. */
export interface SyncTarget {
  linkId: string;
  userId: string;
  siteId: string;
  /** The wiki account the link reads. */
  wikiUsername: string;
  apiUrl: string;
  /** The wiki's origin, e.g. "https://de.wikipedia.org". */
  server: string;
  source: "api" | "feed";
  /** The user chose the feed for this token link (see tokenLinkSource.ts). */
  sourcePinned: boolean;
  paused: boolean;
  cursorAt: Date | null;
  /** A poll an earlier job left unfinished: the wiki's `continue` for its next page and the pages it has read. */
  resume: { continueFrom: Record<string, string>; pages: number } | null;
  consecutiveFailures: number;
  /** When the link's watched titles were last read (lib/sync/reconcileWatchedTitles); null = never. */
  watchedTitlesAt: Date | null;
}

interface Row {
  link_id: string;
  user_id: string;
  site_id: string;
  wiki_username: string;
  api_url: string;
  server: string;
  source: "api" | "feed";
  source_pinned: boolean;
  paused: boolean | null;
  cursor_at: Date | null;
  resume_continue: Record<string, string> | null;
  resume_pages: number | null;
  consecutive_failures: number | null;
  watched_titles_at: Date | null;
}

export async function loadSyncTarget(linkId: string): Promise<SyncTarget | null> {
  const { rows } = await pgPool().query<Row>(
    `SELECT w.id AS link_id, w.user_id, w.site_id, w.wiki_username, s.api_url, s.server, w.source::text AS source, w.source_pinned,
            st.paused, st.cursor_at, st.resume_continue, st.resume_pages, st.consecutive_failures,
            st.watched_titles_at
     FROM wiki_links w JOIN sites s ON s.id = w.site_id
     LEFT JOIN link_sync_states st ON st.link_id = w.id
     WHERE w.id = $1::uuid`,
    [linkId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    linkId: row.link_id,
    userId: row.user_id,
    siteId: row.site_id,
    wikiUsername: row.wiki_username,
    apiUrl: row.api_url,
    server: row.server,
    source: row.source,
    sourcePinned: row.source_pinned,
    paused: row.paused ?? false,
    cursorAt: row.cursor_at,
    resume: row.resume_continue === null ? null : { continueFrom: row.resume_continue, pages: row.resume_pages ?? 0 },
    consecutiveFailures: row.consecutive_failures ?? 0,
    watchedTitlesAt: row.watched_titles_at,
  };
}
