import { z } from "zod";
import { isSingleLineText } from "@/lib/forms/singleLineText";
import { zodIssueTexts } from "@/lib/i18n/zodIssueTexts";
import { type Failure, fail, ok, type Result } from "@/lib/result";

/**
 * The one filter type of the timeline: the page, its API, saved presets, RSS/Atom
 * feeds and team views all read and write filters through this file, so a URL
 * means the same everywhere.
 *
 * URL form (every key optional, list keys repeat):
 *   wiki=<site id>  ns=<namespace name>  type=edit|new|log|categorize|external
 *   user=<name>  notuser=<name>  usertext=<text>  tag=<tag>  q=<text>  from=YYYY-MM-DD  to=YYYY-MM-DD
 *   bot|minor|anon|mine=hide|only  watchedby=<member user id>  unread=1  latest=1  group=1
 */

export const CHANGE_TYPES = ["edit", "new", "log", "categorize", "external"] as const;
export type TimelineChangeType = (typeof CHANGE_TYPES)[number];

/** "show" (the default) keeps both; "hide" drops flagged rows; "only" keeps only them. */
export const FLAG_MODES = ["show", "hide", "only"] as const;
export type FlagMode = (typeof FLAG_MODES)[number];

export const FLAG_FILTERS = ["bot", "minor", "anon", "mine"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

/** The main namespace has no name on any wiki; filters call it this. */
export const MAIN_NAMESPACE = "(Main)";

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written YYYY-MM-DD.")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "That date does not exist.");

// A filter ends up as a query parameter: Postgres refuses a NUL in text, so such a URL gets a message, not an error page.
const names = (max: number) =>
  z
    .array(z.string().trim().min(1).max(255).refine(isSingleLineText, "A name cannot contain control characters."))
    .max(max);

export const timelineFiltersSchema = z
  .object({
    /** Site ids (sites.id): the wikis to show; empty = all. */
    wikis: z.array(z.uuid()).max(100),
    /** Namespace names, matched on every wiki by local name, canonical (English) name or alias; MAIN_NAMESPACE for 0. */
    namespaces: names(50),
    types: z.array(z.enum(CHANGE_TYPES)).max(CHANGE_TYPES.length),
    /** Wiki user names the change must be by (any of). */
    users: names(50),
    /** Wiki user names the change must not be by. */
    notUsers: names(50),
    bot: z.enum(FLAG_MODES),
    minor: z.enum(FLAG_MODES),
    anon: z.enum(FLAG_MODES),
    /** Changes made by the watching account itself. */
    mine: z.enum(FLAG_MODES),
    /** Team views: Watchdeck user ids of members, one of whose shared links must watch the page. */
    watchedBy: z.array(z.uuid()).max(50),
    unreadOnly: z.boolean(),
    /** Tags the change must carry (any of). */
    tags: names(50),
    /**
     * Words and "quoted phrases" (searchTerms) each of which the title or the summary contains, case-insensitive.
     */
    text: z.string().trim().max(200).refine(isSingleLineText, "Search text cannot contain control characters."),
    /** Case-insensitive substring of the author's user name. */
    userText: z.string().trim().max(255).refine(isSingleLineText, "A name cannot contain control characters."),
    /** First and last day, inclusive, in the viewer's time zone. */
    from: isoDay.nullable(),
    to: isoDay.nullable(),
    /** Only the newest matching change of each page. */
    latestOnly: z.boolean(),
    /** One row per page (newest matching change first) with the count, users and its changes. */
    groupByPage: z.boolean(),
  })
  .refine((f) => f.from === null || f.to === null || f.from <= f.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });

export type TimelineFilters = z.infer<typeof timelineFiltersSchema>;

export const NO_FILTERS: TimelineFilters = Object.freeze({
  wikis: [],
  namespaces: [],
  types: [],
  users: [],
  notUsers: [],
  bot: "show",
  minor: "show",
  anon: "show",
  mine: "show",
  watchedBy: [],
  unreadOnly: false,
  tags: [],
  text: "",
  userText: "",
  from: null,
  to: null,
  latestOnly: false,
  groupByPage: false,
}) as TimelineFilters;

export type ParsedTimelineFilters = Result<TimelineFilters, Failure<"invalid", keyof TimelineFilters>>;

const uniq = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
const flag = (value: string | null): string => value ?? "show";
const yes = (value: string | null) => value === "1" || value === "true";

/** Reads filters from a URL's query; a value that makes no sense is an error a person can act on. */
export function safeParseTimelineFilters(params: URLSearchParams, locale = "en"): ParsedTimelineFilters {
  const input = {
    wikis: uniq(params.getAll("wiki")),
    namespaces: uniq(params.getAll("ns")),
    types: uniq(params.getAll("type")),
    users: uniq(params.getAll("user")),
    notUsers: uniq(params.getAll("notuser")),
    bot: flag(params.get("bot")),
    minor: flag(params.get("minor")),
    anon: flag(params.get("anon")),
    mine: flag(params.get("mine")),
    watchedBy: uniq(params.getAll("watchedby")),
    unreadOnly: yes(params.get("unread")),
    tags: uniq(params.getAll("tag")),
    text: params.get("q") ?? "",
    userText: params.get("usertext") ?? "",
    from: params.get("from") || null,
    to: params.get("to") || null,
    latestOnly: yes(params.get("latest")),
    groupByPage: yes(params.get("group")),
  };
  const result = timelineFiltersSchema.safeParse(input, { error: zodIssueTexts(locale) });
  if (result.success) return ok(result.data);
  // The failure's message is English, as every failure's is; its values carry the issue in the reader's language.
  const english = locale === "en" ? result : timelineFiltersSchema.safeParse(input);
  const issue = english.error?.issues[0];
  const key = issue?.path[0];
  const message = `Filter ${typeof key === "string" ? `"${key}"` : ""}: ${issue?.message ?? "invalid"}`.replace(
    "Filter : ",
    "Filter: ",
  );
  const values = { filter: typeof key === "string" ? key : "none", issue: result.error.issues[0]?.message ?? "" };
  return fail("invalid", "bad_filter", message, {
    values,
    ...(typeof key === "string" ? { field: key as keyof TimelineFilters } : {}),
  });
}

export class InvalidTimelineFilters extends Error {
  readonly kind = "invalid";
}

/** As safeParseTimelineFilters, throwing InvalidTimelineFilters on nonsense. */
export function parseTimelineFilters(params: URLSearchParams): TimelineFilters {
  const parsed = safeParseTimelineFilters(params);
  if (!parsed.ok) throw new InvalidTimelineFilters(parsed.failure.message);
  return parsed.value;
}

/** The canonical query of a filter set: defaults left out, lists sorted, so equal filters give equal strings. */
export function timelineFiltersToSearchParams(filters: TimelineFilters): URLSearchParams {
  const params = new URLSearchParams();
  const list = (key: string, values: readonly string[]) => {
    for (const value of [...values].sort()) params.append(key, value);
  };
  list("wiki", filters.wikis);
  list("ns", filters.namespaces);
  list("type", filters.types);
  list("user", filters.users);
  list("notuser", filters.notUsers);
  for (const key of FLAG_FILTERS) if (filters[key] !== "show") params.set(key, filters[key]);
  list("watchedby", filters.watchedBy);
  if (filters.unreadOnly) params.set("unread", "1");
  list("tag", filters.tags);
  if (filters.text !== "") params.set("q", filters.text);
  if (filters.userText !== "") params.set("usertext", filters.userText);
  if (filters.from !== null) params.set("from", filters.from);
  if (filters.to !== null) params.set("to", filters.to);
  if (filters.latestOnly) params.set("latest", "1");
  if (filters.groupByPage) params.set("group", "1");
  return params;
}

export function hasActiveFilters(filters: TimelineFilters): boolean {
  return timelineFiltersToSearchParams(filters).size > 0;
}
