import { z } from "zod";

export interface TimelinePresetView {
  id: string;
  name: string;
  /** The filters as a URL query (timelineFiltersToSearchParams). */
  filterQuery: string;
}

export const presetNameSchema = z.string().trim().min(1, "Give the preset a name.").max(80, "At most 80 characters.");
