import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";

export const siteId = (s: number) => `00000000-0000-4000-9000-${s.toString(16).padStart(12, "0")}`;
export const userId = (u: number) => `00000000-0000-4000-8000-${u.toString(16).padStart(12, "0")}`;

/** One filter of each kind the timeline offers (plus a combination), for a bench user. */
export function filterCases(user: number, wikisPerUser: number, wikis: number): [string, TimelineFilters][] {
  const linked = (k: number) => siteId(((user * 7 + k) % wikis) + 1);
  const f = (patch: Partial<TimelineFilters>): TimelineFilters => ({ ...NO_FILTERS, ...patch });
  return [
    ["no filter", NO_FILTERS],
    ["one wiki", f({ wikis: [linked(0)] })],
    ["three wikis", f({ wikis: [linked(0), linked(2), linked(wikisPerUser - 1)] })],
    ["namespace Talk", f({ namespaces: ["Talk"] })],
    ["namespaces Template+Category", f({ namespaces: ["Template", "Category"] })],
    ["type log", f({ types: ["log"] })],
    ["type categorize", f({ types: ["categorize"] })],
    ["user is (frequent)", f({ users: ["Editor 60"] })],
    ["user is (rare)", f({ users: ["Editor 1500"] })],
    ["user is not", f({ notUsers: ["Editor 2"] })],
    ["hide bots", f({ bot: "hide" })],
    ["only bots", f({ bot: "only" })],
    ["hide minor", f({ minor: "hide" })],
    ["only anonymous", f({ anon: "only" })],
    ["only my own", f({ mine: "only" })],
    ["hide my own", f({ mine: "hide" })],
    ["unread only", f({ unreadOnly: true })],
    ["tag mw-replace", f({ tags: ["mw-replace"] })],
    ["text contains", f({ text: "typo" })],
    ["text contains (rare)", f({ text: "Summary 99999" })],
    ["date range (one day)", f({ from: dayAgo(10), to: dayAgo(10) })],
    ["latest per page", f({ latestOnly: true })],
    ["group by page", f({ groupByPage: true })],
    ["group by page + text (rare)", f({ groupByPage: true, text: "Summary 99999" })],
    ["wiki+Talk+hide bots+text", f({ wikis: [linked(1)], namespaces: ["Talk"], bot: "hide", text: "Summary 9" })],
    ["text, two words (rare)", f({ text: 'typo "Summary 9970"' })],
    ["group by page + text (common)", f({ groupByPage: true, text: "typo" })],
    ["user contains", f({ userText: "Editor 15" })],
    ["user contains (rare)", f({ userText: "Editor 1999" })],
  ];
}

/** One of filterCases by its name. */
export function filterCaseNamed(caseName: string, user: number, wikisPerUser: number, wikis: number): TimelineFilters {
  const found = filterCases(user, wikisPerUser, wikis).find(([name]) => name === caseName);
  if (!found) throw new Error(`no filter case named ${caseName}`);
  return found[1];
}

function dayAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
