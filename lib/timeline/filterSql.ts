import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern, searchTerms, trigramSearchable } from "./searchTerms";
import { type FlagMode, MAIN_NAMESPACE, type TimelineFilters } from "./timelineFilters";

/**
 * Filters as SQL conditions over one link_changes row (`lc`) and its change
 * (`c`). Conditions that only read link_changes come first so the planner can
 * check them on the index row before fetching the change.
 */
export interface FilterSqlContext {
  lc: string;
  c: string;
  /** The Watchdeck user whose wiki accounts are "mine". */
  viewerUserId: string;
  timeZone: string;
  /**
   * How the text search ("title or summary contains", "user contains") is checked: "walk" (the default) on each
   * row as the newest-first walk reaches it, cheap when matches are near; "index" by the changes' trigram indexes,
   * for matches that are few and far back.
   */
  textSearch?: "walk" | "index";
}

/** MediaWiki's user-name normal form: spaces, first letter upper case. */
export function normaliseUserName(name: string): string {
  const spaced = name.replace(/_/g, " ").trim();
  return spaced.charAt(0).toLocaleUpperCase("en") + spaced.slice(1);
}

/** Namespace names compare like MediaWiki's: case-insensitive, underscores as spaces. */
export function normaliseNamespaceName(name: string): string {
  return name.replace(/_/g, " ").trim().toLowerCase();
}

function flagSql(mode: FlagMode, condition: Prisma.Sql): Prisma.Sql | null {
  if (mode === "hide") return Prisma.sql`NOT (${condition})`;
  if (mode === "only") return condition;
  return null;
}

/**
 * The filters a link_changes index row answers alone, the ones read from the change's own row
 * (author, tags, text, "my own") left out. Keep in step with needsChangeColumns and the text filter.
 */
export function indexRowFilters(filters: TimelineFilters): TimelineFilters {
  return { ...filters, users: [], notUsers: [], tags: [], mine: "show", text: "", userText: "" };
}

export function needsChangeColumns(filters: TimelineFilters): boolean {
  return (
    filters.users.length > 0 ||
    filters.notUsers.length > 0 ||
    filters.tags.length > 0 ||
    filters.mine !== "show" ||
    filters.latestOnly ||
    filters.groupByPage
  );
}

export function filterConditions(filters: TimelineFilters, ctx: FilterSqlContext): Prisma.Sql[] {
  const lc = Prisma.raw(ctx.lc);
  const c = Prisma.raw(ctx.c);
  const out: (Prisma.Sql | null)[] = [];

  if (filters.wikis.length > 0) out.push(Prisma.sql`${lc}.site_id = ANY(${filters.wikis}::uuid[])`);
  if (filters.types.length > 0) out.push(Prisma.sql`${lc}.kind = ANY(${filters.types}::change_kind[])`);
  out.push(flagSql(filters.bot, Prisma.sql`${lc}.bot`));
  out.push(flagSql(filters.minor, Prisma.sql`${lc}.minor`));
  out.push(flagSql(filters.anon, Prisma.sql`${lc}.anon`));
  out.push(...linkRowConditions(filters, ctx.lc, ctx.viewerUserId));
  if (filters.from !== null) {
    out.push(Prisma.sql`${lc}."timestamp" >= (${filters.from}::date::timestamp AT TIME ZONE ${ctx.timeZone})`);
  }
  if (filters.to !== null) {
    out.push(Prisma.sql`${lc}."timestamp" < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${ctx.timeZone})`);
  }
  if (filters.namespaces.length > 0) out.push(namespaceSql(filters.namespaces, lc));
  // The row is one link's sighting of the change, so this keeps changes some scope link of these users watches.
  if (filters.watchedBy.length > 0) out.push(Prisma.sql`${lc}.user_id = ANY(${filters.watchedBy}::uuid[])`);

  if (filters.users.length > 0)
    out.push(Prisma.sql`${c}.user_name = ANY(${filters.users.map(normaliseUserName)}::text[])`);
  if (filters.notUsers.length > 0) {
    out.push(
      Prisma.sql`(${c}.user_name IS NULL OR NOT ${c}.user_name = ANY(${filters.notUsers.map(normaliseUserName)}::text[]))`,
    );
  }
  if (filters.tags.length > 0) out.push(Prisma.sql`${c}.tags && ${filters.tags}::text[]`);
  const text = textMatchSql(filters, "ct");
  if (text.length > 0) {
    const matches = Prisma.join(text, " AND ");
    out.push(
      ctx.textSearch === "index"
        ? // The changes the trigram indexes find, as one array computed first (an InitPlan), then the scope's rows
          // of them by change id. As a semi-join, the planner (misjudging a team's rows behind a cursor as a few)
          // may read every row of the team's links and test each one's change: 146 ms instead of ~15 at 1M changes.
          Prisma.sql`${lc}.change_id = ANY(ARRAY(${indexSearchSql(filters, matches)}))`
        : // A scalar subquery, which the planner never flattens: it keeps the plan a newest-first walk of the
          // user's rows that stops at the page's end. As a join, the planner (misjudging ILIKE's selectivity)
          // may seq-scan every change of every wiki first: 750 ms instead of 15 at 1M changes.
          Prisma.sql`(SELECT ${matches} FROM changes ct WHERE ct.id = ${lc}.change_id)`,
    );
  }
  if (filters.mine !== "show") {
    // A semi-join the planner can start from the viewer's few accounts (changes by user name) when "only".
    const mine = Prisma.sql`(${c}.site_id, ${c}.user_name) IN (SELECT mine.site_id, mine.wiki_username FROM wiki_links mine
                   WHERE mine.user_id = ${ctx.viewerUserId}::uuid)`;
    // A hidden author is nobody's own edit.
    out.push(filters.mine === "only" ? mine : Prisma.sql`(${c}.user_name IS NULL OR NOT ${mine})`);
  }
  return out.filter((x): x is Prisma.Sql => x !== null);
}

/** Whether the filters search text (title, summary or user name). */
export function hasTextSearch(filters: TimelineFilters): boolean {
  return searchTerms(filters.text).length > 0 || filters.userText !== "";
}

/** Whether the changes' trigram indexes can find the text search's matches (one of its terms is long enough). */
export function textSearchIndexable(filters: TimelineFilters): boolean {
  return searchTerms(filters.text).some(trigramSearchable) || trigramSearchable(filters.userText);
}

/**
 * The text search's conditions on a changes row (alias `ct`): each term in the title or the summary (a title's
 * underscores read as its spaces), the user text in the author's name. ILIKE: case-insensitive, accents as typed.
 */
export function textMatchSql(filters: TimelineFilters, alias: string): Prisma.Sql[] {
  const ct = Prisma.raw(alias);
  const out = searchTerms(filters.text).map(
    (term) =>
      Prisma.sql`(${ct}.title ILIKE ${containsPattern(term.replace(/_/g, " "))} OR ${ct}.comment ILIKE ${containsPattern(term)})`,
  );
  if (filters.userText !== "") {
    out.push(Prisma.sql`${ct}.user_name ILIKE ${containsPattern(filters.userText.replace(/_/g, " "))}`);
  }
  return out;
}

/**
 * The ids of the changes matching the text search (`matches`, on alias `ct`), found through the trigram indexes one
 * word at a time: each searchable word of each term must be in the title or the summary, then the terms are checked
 * whole. A phrase's trigrams all go to the index when it is searched whole, and a common word's ("Summary" in
 * "Summary 9970") are in nearly every change: reading their posting lists took 20-95 ms. Word by word, the planner's
 * estimates leave such a word out of the bitmaps and check it on the few rows the rare words found (~3 ms). The
 * fence (OFFSET 0) keeps the whole terms from becoming index conditions again.
 */
function indexSearchSql(filters: TimelineFilters, matches: Prisma.Sql): Prisma.Sql {
  const words = [...new Set(searchTerms(filters.text).flatMap((term) => term.split(" ")))].filter(trigramSearchable);
  const probes = words.map(
    (word) =>
      Prisma.sql`(cw.title ILIKE ${containsPattern(word.replace(/_/g, " "))} OR cw.comment ILIKE ${containsPattern(word)})`,
  );
  if (trigramSearchable(filters.userText)) {
    probes.push(Prisma.sql`cw.user_name ILIKE ${containsPattern(filters.userText.replace(/_/g, " "))}`);
  }
  if (probes.length === 0) return Prisma.sql`SELECT ct.id FROM changes ct WHERE ${matches}`;
  return Prisma.sql`
    SELECT ct.id FROM (
      SELECT cw.id, cw.title, cw.comment, cw.user_name FROM changes cw WHERE ${Prisma.join(probes, " AND ")} OFFSET 0
    ) ct
    WHERE ${matches}`;
}

/**
 * The filters that can differ between two links' rows of one change: the link's own unread state. Every other
 * column a filter reads on a link_changes row is the change's, copied. Unread is the viewer's own: in a team
 * scope another member's row being unread says nothing about what the viewer has seen (and must not show).
 */
export function linkRowConditions(filters: TimelineFilters, alias: string, viewerUserId: string): Prisma.Sql[] {
  const lc = Prisma.raw(alias);
  // MediaWiki marks a change unread when it is not older than the watcher's notificationtimestamp.
  return filters.unreadOnly
    ? [
        Prisma.sql`(${lc}.user_id = ${viewerUserId}::uuid AND ${lc}.notification_timestamp IS NOT NULL AND ${lc}."timestamp" >= ${lc}.notification_timestamp)`,
      ]
    : [];
}

/** By name on every wiki: local name, canonical (English) name or alias; resolved per wiki from its siteinfo. */
function namespaceSql(namespaces: readonly string[], lc: Prisma.Sql): Prisma.Sql {
  const names = namespaces.map(normaliseNamespaceName);
  const wantsMain = namespaces.includes(MAIN_NAMESPACE);
  // = ANY(ARRAY(…)) rather than IN (…): the (wiki, namespace) pairs become one value computed before the
  // walk (an InitPlan), checked on each index row in order. As IN, the planner may hash-join them instead,
  // which walks and sorts all the user's rows.
  return Prisma.sql`ROW(${lc}.site_id, ${lc}.namespace) = ANY(ARRAY(
      SELECT ROW(s.id, (ns.key)::int) FROM sites s CROSS JOIN LATERAL jsonb_each(s.namespaces -> 'namespaces') ns
      WHERE lower(ns.value ->> 'name') = ANY(${names}::text[])
         OR lower(ns.value ->> 'canonical') = ANY(${names}::text[])
         OR (ns.key = '0' AND ${wantsMain})
      UNION
      SELECT ROW(s.id, (alias.value ->> 'id')::int) FROM sites s CROSS JOIN LATERAL jsonb_array_elements(s.namespaces -> 'aliases') alias
      WHERE lower(alias.value ->> 'alias') = ANY(${names}::text[])))`;
}
