import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";

/** What a new feed can carry, and how the feeds page names what an existing feed carries. */

/** What a filter set is, for the interface to put in words in its language. */
export type FilterSetKind =
  | { kind: "everything" }
  | { kind: "preset"; name: string }
  | { kind: "filters"; filters: string }
  | { kind: "view"; of: { kind: "preset"; name: string } | { kind: "filters"; filters: string } };

export interface FeedFilterChoice {
  label: string;
  what: FilterSetKind;
  /** The filters as a timeline URL query, in the one normal form (timelineFiltersToSearchParams). */
  query: string;
}

export interface NamedFilters {
  name: string;
  filterQuery: string;
}

function normalQuery(query: string): string | null {
  const parsed = safeParseTimelineFilters(new URLSearchParams(query));
  return parsed.ok ? timelineFiltersToSearchParams(parsed.value).toString() : null;
}

/**
 * The filters a new feed can be made of: the timeline view the user came from
 * first (so it is the one picked), then everything, then each saved preset.
 * One choice per filter set, so a preset that is the view or everything is not offered twice.
 */
export function feedFilterChoices(input: { fromView?: string; presets: NamedFilters[] }): FeedFilterChoice[] {
  const presets = input.presets.flatMap((preset) => {
    const query = normalQuery(preset.filterQuery);
    return query === null ? [] : [{ name: preset.name, query }];
  });
  const candidates: FeedFilterChoice[] = [];
  const view = input.fromView ? normalQuery(input.fromView) : null;
  if (view) {
    const preset = presets.find((p) => p.query === view);
    const what = preset ? `preset “${preset.name}”` : filtersText(view);
    const of = preset
      ? ({ kind: "preset", name: preset.name } as const)
      : ({ kind: "filters", filters: filtersText(view) } as const);
    candidates.push({ label: `The timeline view you came from (${what})`, what: { kind: "view", of }, query: view });
  }
  candidates.push({ label: "Everything on my timeline", what: { kind: "everything" }, query: "" });
  for (const preset of presets) {
    candidates.push({
      label: `Preset: ${preset.name}`,
      what: { kind: "preset", name: preset.name },
      query: preset.query,
    });
  }
  const choices: FeedFilterChoice[] = [];
  for (const candidate of candidates) {
    if (!choices.some((c) => c.query === candidate.query)) choices.push(candidate);
  }
  return choices;
}

/** What a feed carries, in words: everything, the preset its filters are, or the filters themselves. */
export function feedFilterLabel(filterQuery: string, presets: NamedFilters[]): string {
  const what = feedFilterKind(filterQuery, presets);
  if (what.kind === "everything") return "Everything";
  if (what.kind === "preset") return `Preset “${what.name}”`;
  return `Filters: ${what.kind === "filters" ? what.filters : ""}`;
}

/** The same as `feedFilterLabel`, as data the interface words in the reader's language. */
export function feedFilterKind(filterQuery: string, presets: NamedFilters[]): FilterSetKind {
  if (filterQuery === "") return { kind: "everything" };
  const preset = presets.find((p) => normalQuery(p.filterQuery) === filterQuery);
  if (preset) return { kind: "preset", name: preset.name };
  return { kind: "filters", filters: filtersText(filterQuery) };
}

/** A filter query as a person reads it: decoded, so "q=caf%C3%A9+au+lait" says "q=café au lait". */
function filtersText(filterQuery: string): string {
  return [...new URLSearchParams(filterQuery)].map(([key, value]) => `${key}=${value}`).join("&");
}
