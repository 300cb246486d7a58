import { singleLineText } from "@/lib/forms/singleLineText";

export interface TimelinePresetView {
  id: string;
  name: string;
  /** The filters as a URL query (timelineFiltersToSearchParams). */
  filterQuery: string;
}

export const presetNameSchema = singleLineText(80, {
  missing: "Give the preset a name.",
  tooLong: "A preset name can be at most 80 characters.",
  notText: "The preset name cannot contain control characters.",
});
