import type { TimelineOptions } from "./getTimelineOptions";
import type { HighlightRuleView } from "./highlights/highlightRule";
import { loadTimelineView, type TimelineViewer, type TimelineViewPage } from "./loadTimelineView";
import type { TimelinePresetView } from "./presets/timelinePreset";
import type { TimelineFilters } from "./timelineFilters";
import { readTimelineScreenSettings, type SyncProblem, type TimelineScreenLink } from "./timelineScreenSettings";

export type { SyncProblem } from "./timelineScreenSettings";

/** Everything the timeline page shows for the signed-in user. */
export interface TimelineScreen {
  links: TimelineScreenLink[];
  options: TimelineOptions;
  presets: TimelinePresetView[];
  highlightRules: HighlightRuleView[];
  syncProblems: SyncProblem[];
  page: TimelineViewPage;
}

export async function loadTimelineScreen(viewer: TimelineViewer, filters: TimelineFilters): Promise<TimelineScreen> {
  const settings = readTimelineScreenSettings(viewer.userId);
  // The page's highlights use the rules the settings read brings (a page with no rows never asks for them).
  const rules = settings.then((s) => s.highlightRules);
  rules.catch(() => undefined);
  const [{ links, options, presets, highlightRules, syncProblems }, page] = await Promise.all([
    settings,
    loadTimelineView(viewer, filters, null, undefined, rules),
  ]);
  return { links, options, presets, highlightRules, syncProblems, page };
}
