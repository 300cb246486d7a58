import { listTimelinePresets } from "@/lib/timeline/presets/listTimelinePresets";
import {
  type FeedFilterChoice,
  type FilterSetKind,
  feedFilterChoices,
  feedFilterKind,
  feedFilterLabel,
} from "./feedFilterChoices";
import { type FeedTokenView, listFeedTokens } from "./feedTokens";

/** Everything the feeds page shows: the user's feeds, each with what it carries in words, and what a new one can carry. */
export interface FeedsScreen {
  feeds: (FeedTokenView & { filtersLabel: string; filters: FilterSetKind })[];
  choices: FeedFilterChoice[];
}

/** `fromView`: the timeline query of the view the user came from ("Feed of this view"), offered first. */
export async function loadFeedsScreen(userId: string, fromView?: string): Promise<FeedsScreen> {
  const [feeds, presets] = await Promise.all([listFeedTokens(userId), listTimelinePresets(userId)]);
  return {
    feeds: feeds.map((feed) => ({
      ...feed,
      filtersLabel: feedFilterLabel(feed.filterQuery, presets),
      filters: feedFilterKind(feed.filterQuery, presets),
    })),
    choices: feedFilterChoices({ fromView, presets }),
  };
}
