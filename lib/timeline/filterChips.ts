import type { TimelineOptions } from "./getTimelineOptions";
import { type TimelineFilters, timelineFiltersToSearchParams } from "./timelineFilters";

/**
 * What a toggle or chip says, as a message of the timeline's catalogue (`toggle.*`, `chip.*`) and its values: the
 * page words it in the viewer's language. A value left empty ("") is a name unknown here (a removed wiki, a
 * former member), which the page words too.
 */
export interface FilterLabel {
  key: string;
  values?: Record<string, string>;
}

/** A one-click filter of the bar: on or off, and the address that flips it. */
export interface FilterToggle {
  label: FilterLabel;
  on: boolean;
  query: string;
}

/** An active filter as a chip: what it keeps or hides, and the address without it. */
export interface FilterChip {
  label: FilterLabel;
  query: string;
}

const query = (filters: TimelineFilters) => timelineFiltersToSearchParams(filters).toString();

/**
 * The filters Special:Watchlist regulars flip most, one click each: unread only, hide bots, hide minor edits,
 * hide my own, and group by page.
 */
export function filterToggles(filters: TimelineFilters): FilterToggle[] {
  const hide = (key: "bot" | "minor" | "mine", label: string): FilterToggle => {
    const on = filters[key] === "hide";
    return { label: { key: label }, on, query: query({ ...filters, [key]: on ? "show" : "hide" }) };
  };
  return [
    {
      label: { key: "unreadOnly" },
      on: filters.unreadOnly,
      query: query({ ...filters, unreadOnly: !filters.unreadOnly }),
    },
    hide("bot", "hideBots"),
    hide("minor", "hideMinor"),
    hide("mine", "hideMine"),
    {
      label: { key: "groupByPage" },
      on: filters.groupByPage,
      query: query({ ...filters, groupByPage: !filters.groupByPage }),
    },
  ];
}

/**
 * Every active filter the toggles do not show, one chip per value, each with the address of the same view
 * without it. `memberNames` names team members (a team view's "watched by").
 */
export function filterChips(
  filters: TimelineFilters,
  options: Pick<TimelineOptions, "wikis"> & Partial<Pick<TimelineOptions, "namespaces">>,
  memberNames: Record<string, string> = {},
): FilterChip[] {
  const chips: FilterChip[] = [];
  const without = <K extends keyof TimelineFilters>(key: K, value: TimelineFilters[K]) =>
    query({ ...filters, [key]: value });
  const label = (key: string, values?: Record<string, string>): FilterLabel => (values ? { key, values } : { key });
  const each = <K extends "wikis" | "namespaces" | "types" | "users" | "notUsers" | "tags" | "watchedBy">(
    key: K,
    labelOf: (value: TimelineFilters[K][number]) => FilterLabel,
  ) => {
    for (const value of filters[key] as string[])
      chips.push({
        label: labelOf(value as TimelineFilters[K][number]),
        query: without(key, (filters[key] as string[]).filter((v) => v !== value) as TimelineFilters[K]),
      });
  };
  const wikiName = (siteId: string) => options.wikis.find((w) => w.siteId === siteId)?.name ?? "";
  each("wikis", (siteId) => label("wiki", { name: wikiName(siteId) }));
  // The option's label names the namespace as the wikis call it, from their siteinfo ("Talk (Diskussion, שיחה)").
  const namespaceName = (ns: string) => options.namespaces?.find((o) => o.value === ns)?.label ?? ns;
  each("namespaces", (ns) => label("namespace", { ns: namespaceName(ns) }));
  each("types", (type) => label("type", { type }));
  each("users", (user) => label("user", { user }));
  each("notUsers", (user) => label("notUser", { user }));
  for (const key of ["bot", "minor", "anon", "mine"] as const) {
    const mode = filters[key];
    // "hide" of bot, minor and mine is a toggle of the bar.
    if (mode === "show" || (mode === "hide" && key !== "anon")) continue;
    chips.push({ label: label("flag", { mode, flag: key }), query: without(key, "show") });
  }
  each("tags", (tag) => label("tag", { tag }));
  if (filters.text !== "") chips.push({ label: label("text", { text: filters.text }), query: without("text", "") });
  if (filters.from !== null) chips.push({ label: label("from", { day: filters.from }), query: without("from", null) });
  if (filters.to !== null) chips.push({ label: label("to", { day: filters.to }), query: without("to", null) });
  if (filters.latestOnly) chips.push({ label: label("latest"), query: without("latestOnly", false) });
  each("watchedBy", (id) => label("watchedBy", { name: memberNames[id] ?? "" }));
  return chips;
}
