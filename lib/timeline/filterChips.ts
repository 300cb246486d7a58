import type { TimelineOptions } from "./getTimelineOptions";
import { type TimelineFilters, timelineFiltersToSearchParams } from "./timelineFilters";

/** A one-click filter of the bar: on or off, and the address that flips it. */
export interface FilterToggle {
  label: string;
  on: boolean;
  query: string;
}

/** An active filter as a chip: what it keeps or hides, and the address without it. */
export interface FilterChip {
  label: string;
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
    return { label, on, query: query({ ...filters, [key]: on ? "show" : "hide" }) };
  };
  return [
    { label: "Unread only", on: filters.unreadOnly, query: query({ ...filters, unreadOnly: !filters.unreadOnly }) },
    hide("bot", "Hide bots"),
    hide("minor", "Hide minor"),
    hide("mine", "Hide my own"),
    {
      label: "Group by page",
      on: filters.groupByPage,
      query: query({ ...filters, groupByPage: !filters.groupByPage }),
    },
  ];
}

const FLAG_NAMES = { bot: "bot edits", minor: "minor edits", anon: "anonymous edits", mine: "my own edits" } as const;
const TYPE_NAMES: Record<TimelineFilters["types"][number], string> = {
  edit: "edits",
  new: "page creations",
  log: "log actions",
  categorize: "category changes",
  external: "external changes",
};

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
  const each = <K extends "wikis" | "namespaces" | "types" | "users" | "notUsers" | "tags" | "watchedBy">(
    key: K,
    label: (value: TimelineFilters[K][number]) => string,
  ) => {
    for (const value of filters[key] as string[])
      chips.push({
        label: label(value as TimelineFilters[K][number]),
        query: without(key, (filters[key] as string[]).filter((v) => v !== value) as TimelineFilters[K]),
      });
  };
  const wikiName = (siteId: string) => options.wikis.find((w) => w.siteId === siteId)?.name ?? "a wiki";
  each("wikis", (siteId) => `wiki ${wikiName(siteId)}`);
  // The option's label names the namespace as the wikis call it, from their siteinfo ("Talk (Diskussion, שיחה)").
  const namespaceName = (ns: string) => options.namespaces?.find((o) => o.value === ns)?.label ?? ns;
  each("namespaces", (ns) => `namespace ${namespaceName(ns)}`);
  each("types", (type) => `only ${TYPE_NAMES[type]}`);
  each("users", (user) => `by ${user}`);
  each("notUsers", (user) => `not by ${user}`);
  for (const key of ["bot", "minor", "anon", "mine"] as const) {
    const mode = filters[key];
    // "hide" of bot, minor and mine is a toggle of the bar.
    if (mode === "show" || (mode === "hide" && key !== "anon")) continue;
    chips.push({ label: `${mode === "only" ? "only" : "hide"} ${FLAG_NAMES[key]}`, query: without(key, "show") });
  }
  each("tags", (tag) => `tag ${tag}`);
  if (filters.text !== "") chips.push({ label: `contains “${filters.text}”`, query: without("text", "") });
  if (filters.from !== null) chips.push({ label: `from ${filters.from}`, query: without("from", null) });
  if (filters.to !== null) chips.push({ label: `to ${filters.to}`, query: without("to", null) });
  if (filters.latestOnly) chips.push({ label: "latest change per page", query: without("latestOnly", false) });
  each("watchedBy", (id) => `watched by ${memberNames[id] ?? "a former member"}`);
  return chips;
}
