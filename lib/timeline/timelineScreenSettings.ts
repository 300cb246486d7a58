import { pgPool } from "@/lib/db/postgres";
import type { LinkSyncStatusRow } from "@/lib/db/syncStates";
import { linkSyncState } from "@/lib/sync/getSyncStatusForUser";
import { type OptionLink, type TimelineOptions, timelineOptionsOf } from "./getTimelineOptions";
import type { HighlightColor, HighlightRuleView } from "./highlights/highlightRule";
import type { TimelinePresetView } from "./presets/timelinePreset";

/** A link whose sync needs the user: shown above the timeline with a way to fix it. */
export interface SyncProblem {
  linkId: string;
  displayName: string;
  message: string;
  /** The link is paused until the user fixes it (not just a failure that will be retried). */
  paused: boolean;
}

/** One of the user's links, with what its watch actions need to know. */
export interface TimelineScreenLink {
  id: string;
  displayName: string;
  site: { id: string; name: string };
  authMode: "bot_password" | "watchlist_token";
  loginName: string;
  canWatch: boolean;
  canMarkRead: boolean;
}

/** The user's own settings the timeline page shows around its rows. */
export interface TimelineScreenSettings {
  /** In the order they were linked. */
  links: TimelineScreenLink[];
  options: TimelineOptions;
  presets: TimelinePresetView[];
  highlightRules: HighlightRuleView[];
  syncProblems: SyncProblem[];
}

interface SettingsLink extends OptionLink {
  id: string;
  authMode: TimelineScreenLink["authMode"];
  loginName: string;
  canWatch: boolean;
  canMarkRead: boolean;
  status: LinkSyncStatusRow["status"];
  paused: boolean | null;
  syncStartedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

/**
 * The page's small per-user reads (the links and their watch rights, the filter form's wikis and namespaces,
 * presets, highlight rules, links whose sync fails) in one statement: one round trip instead of seven, on the raw
 * pool (none of Prisma's per-query work). Each part reads and orders as listLinksForUser, getTimelineOptions,
 * listTimelinePresets, listHighlightRules and getSyncProblemsForUser do.
 */
export async function readTimelineScreenSettings(userId: string, now = new Date()): Promise<TimelineScreenSettings> {
  const { rows } = await pgPool().query<{
    links: SettingsLink[];
    presets: TimelinePresetView[];
    rules: HighlightRuleView[];
  }>(
    `
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'id', w.id, 'displayName', w.display_name, 'color', w.color, 'authMode', w.auth_mode,
                'loginName', w.login_name, 'canWatch', w.can_watch, 'canMarkRead', w.can_mark_read,
                'site', json_build_object('id', s.id, 'name', s.name, 'namespaces', s.namespaces),
                'status', st.status::text, 'paused', st.paused, 'syncStartedAt', st.sync_started_at,
                'lastSuccessAt', st.last_success_at, 'lastError', st.last_error)
              ORDER BY w.created_at, w.id), '[]'::json)
         FROM wiki_links w JOIN sites s ON s.id = w.site_id LEFT JOIN link_sync_states st ON st.link_id = w.id
        WHERE w.user_id = $1::uuid) AS links,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'filterQuery', p.filter_query)
              ORDER BY p.name), '[]'::json)
         FROM timeline_presets p WHERE p.user_id = $1::uuid) AS presets,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'color', r.color, 'name', r.name,
                'filterQuery', r.filter_query, 'minBytes', r.min_bytes) ORDER BY r.color), '[]'::json)
         FROM highlight_rules r WHERE r.user_id = $1::uuid) AS rules`,
    [userId],
  );
  const { links, presets, rules } = rows[0]!;
  const syncProblems: SyncProblem[] = [];
  for (const link of links) {
    const { state } = linkSyncState(
      {
        status: link.status,
        paused: link.paused ?? false,
        syncStartedAt: link.syncStartedAt === null ? null : new Date(link.syncStartedAt),
        lastSuccessAt: link.lastSuccessAt === null ? null : new Date(link.lastSuccessAt),
      },
      now,
    );
    if (state === "error" || state === "attention")
      syncProblems.push({
        linkId: link.id,
        displayName: link.displayName,
        message: link.lastError ?? "The last sync failed.",
        paused: state === "attention",
      });
  }
  return {
    links: links.map((link) => ({
      id: link.id,
      displayName: link.displayName,
      site: { id: link.site.id, name: link.site.name },
      authMode: link.authMode,
      loginName: link.loginName,
      canWatch: link.canWatch,
      canMarkRead: link.canMarkRead,
    })),
    options: timelineOptionsOf(links),
    presets,
    highlightRules: rules.map((rule) => ({ ...rule, color: rule.color as HighlightColor })),
    syncProblems,
  };
}
