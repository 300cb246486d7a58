/** Where a timeline response says its newest row is and where "load more" continues. */
export interface TimelineCursors {
  newest: string | null;
  next: string | null;
}

interface TimelinePageJson {
  rows?: { cursor: string }[];
  groups?: { head: { cursor: string } }[];
  nextCursor?: string | null;
  pollAfter?: string | null;
}

/** From /api/timeline's JSON; null when the body is not a timeline page. */
export function cursorsOfApiPage(body: string): TimelineCursors | null {
  let page: TimelinePageJson;
  try {
    page = JSON.parse(body) as TimelinePageJson;
  } catch {
    return null;
  }
  if (!Array.isArray(page.rows) || !Array.isArray(page.groups) || page.nextCursor === undefined) return null;
  // As the timeline's client: the count starts after pollAfter when the page gives one.
  return {
    newest: page.pollAfter ?? page.rows[0]?.cursor ?? page.groups[0]?.head.cursor ?? null,
    next: page.nextCursor,
  };
}

// The page hands its first page to the client component inside React's flight data, where the
// JSON's quotes are escaped once more: \"nextCursor\":\"1712345678901.4242\". Its rows carry no cursor
// (lib/timeline/timelineWirePage.ts): the newest is made of the first row's id and time, as the browser makes it.
const NEXT_IN_HTML = /\\?"nextCursor\\?":\\?"(\d+\.\d+)/;
const POLL_AFTER_IN_HTML = /\\?"pollAfter\\?":\\?"(\d+\.\d+)/;
const ROWS_IN_HTML = /\\?"rows\\?":\[/;
// A row is a tuple [id, site, title, at, …]: ids are numbers (a decimal string only past 2^53) and times are
// unix milliseconds, the first number after the title's closing quote.
const ROW_ID_IN_HTML = /\[(?:\\?")?(\d+)(?:\\?")?,\d+,\\?"/;
const ROW_AT_IN_HTML = /\\?",(\d+)[,\]]/;

/** From the timeline page's HTML; null when it is not the timeline (a sign-in page, an error). */
export function cursorsOfHtmlPage(body: string): TimelineCursors | null {
  if (!body.includes("<h1>Timeline</h1>")) return null;
  const newest = POLL_AFTER_IN_HTML.exec(body)?.[1] ?? newestRowCursor(body);
  return { newest, next: NEXT_IN_HTML.exec(body)?.[1] ?? null };
}

/** The first row's (or, grouped by page, the first group head's) cursor: `<unix ms>.<change id>`. */
function newestRowCursor(body: string): string | null {
  const rows = ROWS_IN_HTML.exec(body);
  if (!rows) return null;
  const afterRows = body.slice(rows.index);
  const id = ROW_ID_IN_HTML.exec(afterRows);
  if (!id) return null;
  const at = ROW_AT_IN_HTML.exec(afterRows.slice(id.index + id[0].length));
  const ms = at ? Number(at[1]) : Number.NaN;
  return Number.isNaN(ms) ? null : `${ms}.${id[1]}`;
}
