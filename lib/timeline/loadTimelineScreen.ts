import { getSyncProblemsForUser } from "@/lib/sync/getSyncStatusForUser";
import { getTimelineOptions, type TimelineOptions } from "./getTimelineOptions";
import type { HighlightRuleView } from "./highlights/highlightRule";
import { listHighlightRules } from "./highlights/highlightRules";
import { loadTimelineView, type TimelineViewer, type TimelineViewPage } from "./loadTimelineView";
import { listTimelinePresets } from "./presets/listTimelinePresets";
import type { TimelinePresetView } from "./presets/timelinePreset";
import type { TimelineFilters } from "./timelineFilters";

/** A link whose sync needs the user: shown above the timeline with a way to fix it. */
export interface SyncProblem {
  linkId: string;
  displayName: string;
  message: string;
  /** The link is paused until the user fixes it (not just a failure that will be retried). */
  paused: boolean;
}

/** Everything the timeline page shows for the signed-in user. */
export interface TimelineScreen {
  options: TimelineOptions;
  presets: TimelinePresetView[];
  highlightRules: HighlightRuleView[];
  syncProblems: SyncProblem[];
  page: TimelineViewPage;
}

export async function loadTimelineScreen(viewer: TimelineViewer, filters: TimelineFilters): Promise<TimelineScreen> {
  const [options, presets, highlightRules, statuses, page] = await Promise.all([
    getTimelineOptions(viewer.userId),
    listTimelinePresets(viewer.userId),
    listHighlightRules(viewer.userId),
    getSyncProblemsForUser(viewer.userId),
    loadTimelineView(viewer, filters, null),
  ]);
  const syncProblems = statuses.map((s) => ({
    linkId: s.linkId,
    displayName: s.displayName,
    message: s.lastError ?? "The last sync failed.",
    paused: s.state === "attention",
  }));
  return { options, presets, highlightRules, syncProblems, page };
}
