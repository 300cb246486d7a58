import type pg from "pg";
import { wikiTextDirection } from "@/lib/timeline/wikiTextDirection";
import { articleUrl, diffUrl, logEntryUrl } from "@/lib/timeline/wikiUrls";
import type { AlertChange } from "./alertTypes";

interface ChangeRow {
  id: string;
  site_id: string;
  site_name: string;
  server: string;
  article_path: string;
  script_path: string;
  lang: string;
  rtl: boolean;
  kind: string;
  title: string;
  rev_id: string | null;
  old_rev_id: string | null;
  log_id: string | null;
  user_name: string | null;
  comment: string | null;
  comment_hidden: boolean;
  timestamp: Date;
  old_length: number | null;
  new_length: number | null;
}

/** A digest or first-sync summary shows at most this many changes, the newest. */
export const MAX_CHANGES_SHOWN = 500;

/**
 * The changes a delivery carries (the newest MAX_CHANGES_SHOWN), oldest first, as channels show them. A change
 * retention deleted since is left out. The summary is the wiki's plain text (not the timeline's HTML): receivers
 * render it as they like.
 */
export async function loadAlertChanges(
  db: pg.ClientBase | pg.Pool,
  changeIds: readonly string[],
): Promise<AlertChange[]> {
  if (changeIds.length === 0) return [];
  const { rows } = await db.query<ChangeRow>(
    `SELECT c.id, s.id AS site_id, s.name AS site_name, s.server, s.article_path, s.script_path, s.lang, s.rtl,
            c.kind, c.title, c.rev_id, c.old_rev_id, c.log_id, c.user_name, c.comment, c.comment_hidden,
            c."timestamp", c.old_length, c.new_length
     FROM changes c JOIN sites s ON s.id = c.site_id
     WHERE c.id IN (SELECT unnest($1::bigint[]))
     ORDER BY c."timestamp" DESC, c.id DESC LIMIT $2`,
    [changeIds, MAX_CHANGES_SHOWN],
  );
  return rows.reverse().map((r) => {
    const site = {
      id: r.site_id,
      name: r.site_name,
      server: r.server,
      articlePath: r.article_path,
      scriptPath: r.script_path,
      lang: r.lang,
      rtl: r.rtl,
    };
    const revId = r.rev_id === null ? null : BigInt(r.rev_id);
    const link =
      r.kind === "log"
        ? r.log_id !== null
          ? logEntryUrl(site, BigInt(r.log_id))
          : null
        : revId !== null
          ? diffUrl(site, revId, r.old_rev_id === null ? null : BigInt(r.old_rev_id))
          : null;
    return {
      changeId: r.id,
      wikiName: r.site_name,
      wikiUrl: r.server,
      title: r.title,
      user: r.user_name,
      summary: r.comment_hidden ? "" : (r.comment ?? ""),
      diffUrl: link,
      pageUrl: articleUrl(site, r.title),
      timestamp: r.timestamp.toISOString(),
      type: r.kind,
      sizeDelta: r.old_length !== null && r.new_length !== null ? r.new_length - r.old_length : null,
      ...wikiTextDirection(site),
    };
  });
}
