import { readFileSync } from "node:fs";
import path from "node:path";

// A real 500-row list=watchlist page captured from the fixture wiki (MediaWiki 1.39, formatversion=2).
const CAPTURE = path.join(process.cwd(), "lib/mediawiki/watchlist/testdata/e2e-watchlist-page1.json");

interface WireRow {
  [key: string]: unknown;
  revid?: number;
  old_revid?: number;
  logid?: number;
  pageid?: number;
  timestamp: string;
  title: string;
}

export function capturedPage(): { batchcomplete: boolean; query: { watchlist: WireRow[] } } {
  const page = JSON.parse(readFileSync(CAPTURE, "utf8")) as { batchcomplete: boolean; query: { watchlist: WireRow[] } };
  return { batchcomplete: page.batchcomplete, query: page.query };
}

/** Shares of edit summaries in the synthetic pages, roughly as on a busy wiki: section edits, links, plain text. */
export const SUMMARY_MIX = { sectionEdit: 0.4, wikilink: 0.2, plainText: 0.4 } as const;

/**
 * An edit summary of its own for row `n`, as MediaWiki gives `comment` and `parsedcomment`:
 * 40% section edits (an autocomment link), 20% with a wikilink, 40% plain text (SUMMARY_MIX).
 */
function summaryOf(n: number, title: string): { comment: string; parsedcomment: string } {
  const slot = n % 5;
  if (slot < 2) {
    const section = `Section ${n % 97}`;
    const href = `/index.php/${encodeURIComponent(title.replace(/ /g, "_"))}#${section.replace(/ /g, "_")}`;
    return {
      comment: `/* ${section} */ copyedit ${n}`,
      parsedcomment: `<span dir="auto"><span class="autocomment"><a href="${href}" title="${title}">→‎${section}</a>: </span> copyedit ${n}</span>`,
    };
  }
  if (slot === 2) {
    return {
      comment: `[[Topic ${n}]] fix`,
      parsedcomment: `<a href="/index.php/Topic_${n}" class="mw-redirect" title="Topic ${n}">Topic ${n}</a> fix`,
    };
  }
  return { comment: `copyedit ${n}`, parsedcomment: `copyedit ${n}` };
}

/**
 * `count` response bodies shaped exactly like the capture, each row with fresh
 * ids, an older time than the one before (newest first, as the API sends) and,
 * for edits and new pages, a summary of its own (summaryOf), as JSON text the
 * way it comes off the wire.
 */
export function syntheticPages(count: number, idBase: number, newest: Date): string[] {
  const rows = capturedPage().query.watchlist;
  const pages: string[] = [];
  let n = 0;
  for (let p = 0; p < count; p++) {
    const watchlist = rows.map((row) => {
      n++;
      const id = idBase + n;
      const copy: WireRow = {
        ...row,
        timestamp: new Date(newest.getTime() - n * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      };
      if ((row.revid ?? 0) > 0) copy.revid = id;
      if ((row.old_revid ?? 0) > 0) copy.old_revid = id - 1;
      if ((row.logid ?? 0) > 0) copy.logid = id;
      if (row.type === "new" || row.type === "edit") {
        copy.title = `${row.title} ${p}`;
        if (!row.commenthidden) Object.assign(copy, summaryOf(n, copy.title));
      }
      return copy;
    });
    pages.push(JSON.stringify({ batchcomplete: true, query: { watchlist } }));
  }
  return pages;
}
