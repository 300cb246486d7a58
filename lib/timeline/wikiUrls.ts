import type { TimelineEntry, TimelineSite } from "./timelineEntry";

/** MediaWiki's URL form of a title: underscores for spaces, ":" and "/" left readable. */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title.replace(/ /g, "_")).replace(/%3A/gi, ":").replace(/%2F/gi, "/");
}

export function articleUrl(site: Pick<TimelineSite, "server" | "articlePath">, title: string): string {
  return `${site.server}${site.articlePath.replace("$1", encodeTitle(title))}`;
}

export function indexUrl(site: TimelineSite, params: Record<string, string>): string {
  return `${site.server}${site.scriptPath}/index.php?${new URLSearchParams(params).toString()}`;
}

/** "/wiki/Title?action=history" where the article path takes a query, as Wikipedia's links have it; else index.php's form. */
export function historyUrl(site: TimelineSite, title: string): string {
  if (site.articlePath.includes("?")) return indexUrl(site, { title: title.replace(/ /g, "_"), action: "history" });
  return `${articleUrl(site, title)}?action=history`;
}

/** A revision against its parent; a page's first revision alone. */
export function diffUrl(site: TimelineSite, revId: bigint, oldRevId: bigint | null): string {
  return oldRevId !== null && oldRevId > 0n
    ? indexUrl(site, { diff: String(revId), oldid: String(oldRevId) })
    : indexUrl(site, { oldid: String(revId) });
}

export function logEntryUrl(site: TimelineSite, logId: bigint): string {
  return indexUrl(site, { title: "Special:Log", logid: String(logId) });
}

/** What opening a change shows: its diff, a new page's first revision, the log entry, else the page. */
export function changeUrl(
  entry: Pick<TimelineEntry, "site" | "kind" | "title" | "revId" | "oldRevId" | "logId">,
): string {
  if (entry.kind === "log")
    return entry.logId !== null ? logEntryUrl(entry.site, entry.logId) : articleUrl(entry.site, entry.title);
  return entry.revId !== null ? diffUrl(entry.site, entry.revId, entry.oldRevId) : articleUrl(entry.site, entry.title);
}

export function contributionsUrl(site: TimelineSite, user: string): string {
  return articleUrl(site, `Special:Contributions/${user}`);
}

/** The user page, or the contributions of an IP address (which has no user page worth opening). */
export function userUrl(site: TimelineSite, user: string, anon: boolean): string {
  return anon ? contributionsUrl(site, user) : articleUrl(site, `User:${user}`);
}
