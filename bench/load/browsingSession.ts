import type autocannon from "autocannon";
import { type TimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import { cursorsOfApiPage, cursorsOfHtmlPage, type TimelineCursors } from "./timelineCursors";

/** The requests a browsing user makes, as the timeline's own client code makes them. */
export const REQUEST_KINDS = ["page (HTML)", "new count (API)", "refresh (API)", "load more (API)"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface BrowsingUser {
  cookieHeader: string;
  /** The filter sets this user goes through, one per round. */
  filters: [string, TimelineFilters][];
}

/** What the session reports of each answered request, for the per-kind figures. */
export interface AnsweredRequest {
  kind: RequestKind;
  filter: string;
  status: number;
  /** The body was not what that request gives a signed-in user (not the timeline, not a page of it). */
  unexpected: boolean;
}

/**
 * One connection's requests: a round opens the timeline page with the next of
 * the user's filter sets, polls the "N new" count, refreshes the list through
 * the API, then loads more twice from the cursors the previous answers gave,
 * and starts over with the next filters. A round with no more rows ends early.
 */
export function browsingSession(user: BrowsingUser, onAnswer: (answer: AnsweredRequest) => void): autocannon.Request[] {
  let round = -1;
  let filterName = "";
  let query = new URLSearchParams();
  let cursors: TimelineCursors = { newest: null, next: null };
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams([...query, ...Object.entries(extra)]);
    return params.size ? `${path}?${params}` : path;
  };
  const request = (
    kind: RequestKind,
    path: () => string | null,
    read: (body: string) => TimelineCursors | null,
    accept = "application/json",
  ): autocannon.Request => ({
    method: "GET",
    headers: { cookie: user.cookieHeader, accept },
    // autocannon ends the round when this gives no request ("nothing more to load").
    setupRequest: ((req: autocannon.Request) => {
      const target = path();
      return target === null ? null : { ...req, path: target };
    }) as autocannon.Request["setupRequest"],
    onResponse: (status: number, body: string) => {
      const found = status === 200 ? read(body) : null;
      if (found) cursors = { newest: found.newest ?? cursors.newest, next: found.next };
      onAnswer({ kind, filter: filterName, status, unexpected: status === 200 && found === null });
    },
  });

  return [
    request(
      "page (HTML)",
      () => {
        round++;
        const [name, filters] = user.filters[round % user.filters.length]!;
        filterName = name;
        // The page redirects any other spelling of a filter set to this one, as a user following its links gets it.
        query = timelineFiltersToSearchParams(filters);
        cursors = { newest: null, next: null };
        return withQuery("/");
      },
      cursorsOfHtmlPage,
      "text/html",
    ),
    request(
      "new count (API)",
      () => withQuery("/api/timeline/new", { after: cursors.newest ?? "0.0" }),
      countAsCursors,
    ),
    request("refresh (API)", () => withQuery("/api/timeline"), cursorsOfApiPage),
    request(
      "load more (API)",
      () => (cursors.next ? withQuery("/api/timeline", { before: cursors.next }) : null),
      cursorsOfApiPage,
    ),
    request(
      "load more (API)",
      () => (cursors.next ? withQuery("/api/timeline", { before: cursors.next }) : null),
      cursorsOfApiPage,
    ),
  ];

  // The new-count answer moves no cursor; it only has to be a count.
  function countAsCursors(body: string): TimelineCursors | null {
    return /^\{"count":\d+\}$/.test(body) ? { newest: cursors.newest, next: cursors.next } : null;
  }
}
