import { z } from "zod";
import { nameIssueFailure, singleLineText } from "@/lib/forms/singleLineText";
import { fail, failed, ok, type Result } from "@/lib/result";
import {
  NO_FILTERS,
  safeParseTimelineFilters,
  type TimelineFilters,
  timelineFiltersToSearchParams,
} from "../timelineFilters";

/** RC filters' five highlight colours; each is given to one condition at a time. */
export const HIGHLIGHT_COLORS = ["c1", "c2", "c3", "c4", "c5"] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** What people call each colour (the CSS gives c1–c5 these hues, as RC filters does). */
export const HIGHLIGHT_COLOR_NAMES: Record<HighlightColor, string> = {
  c1: "green",
  c2: "blue",
  c3: "yellow",
  c4: "orange",
  c5: "red",
};

export interface HighlightRuleView {
  id: string;
  color: HighlightColor;
  name: string;
  /** The condition's filters as a URL query (timelineFiltersToSearchParams), as a preset stores them. */
  filterQuery: string;
  /** |byte delta| at least this; null: any size. */
  minBytes: number | null;
}

/** A highlight shown on a row: enough for its colour and the text screen readers hear. */
export interface HighlightMark {
  color: HighlightColor;
  name: string;
}

export interface HighlightRuleInput {
  color: HighlightColor;
  name: string;
  filters: TimelineFilters;
  minBytes: number | null;
}

const ruleNameSchema = singleLineText(60, {
  missing: "Give the highlight a name.",
  tooLong: "A highlight name can be at most 60 characters.",
  notText: "The highlight name cannot contain control characters.",
});

const minBytesSchema = z.coerce
  .number({ error: "The byte size is a whole number." })
  .int("The byte size is a whole number.")
  .min(1, "The byte size is at least 1.")
  .max(10_000_000, "The byte size can be at most 10,000,000.");

/**
 * A highlight rule from a form: a colour, a name, the filters of the view it was made from (`filterQuery`) and an
 * optional byte-size threshold. Paging and display choices of the view (latest only, group by page) are not part
 * of a condition on one change and are left out. A rule must say something: filters or a threshold.
 */
export function parseHighlightRuleInput(input: {
  color: unknown;
  name: unknown;
  filterQuery: unknown;
  minBytes: unknown;
}): Result<HighlightRuleInput> {
  const color = z.enum(HIGHLIGHT_COLORS).safeParse(input.color);
  if (!color.success)
    return fail("invalid", "bad_color", "Pick one of the five highlight colours.", { field: "color" });
  const name = ruleNameSchema.safeParse(input.name);
  if (!name.success) {
    return failed({ ...nameIssueFailure("bad_name", name.error.issues[0]!), field: "name" });
  }
  const parsed = safeParseTimelineFilters(
    new URLSearchParams(typeof input.filterQuery === "string" ? input.filterQuery : ""),
  );
  if (!parsed.ok) return parsed;
  const filters = conditionOf(parsed.value);
  let minBytes: number | null = null;
  if (input.minBytes !== undefined && input.minBytes !== null && String(input.minBytes).trim() !== "") {
    const bytes = minBytesSchema.safeParse(String(input.minBytes).trim());
    if (!bytes.success) {
      return fail("invalid", "bad_min_bytes", bytes.error.issues[0]?.message ?? "Invalid size.", { field: "minBytes" });
    }
    minBytes = bytes.data;
  }
  if (minBytes === null && timelineFiltersToSearchParams(filters).toString() === "") {
    return fail(
      "invalid",
      "empty_condition",
      "A highlight needs a condition: set some filters first, or give a byte size.",
      { field: "minBytes" },
    );
  }
  return ok({ color: color.data, name: name.data, filters, minBytes });
}

/** The filters of a view as a condition one change meets or not: without its paging and display choices. */
export function conditionOf(filters: TimelineFilters): TimelineFilters {
  return { ...filters, latestOnly: NO_FILTERS.latestOnly, groupByPage: NO_FILTERS.groupByPage };
}

/** Which colours are free, for a new rule: the first free one is offered first. */
export function freeColors(rules: readonly Pick<HighlightRuleView, "color">[]): HighlightColor[] {
  const taken = new Set(rules.map((rule) => rule.color));
  return HIGHLIGHT_COLORS.filter((color) => !taken.has(color));
}
