import type { z } from "zod";
import type { Change } from "@/lib/changes/change";
import { failed } from "@/lib/result";
import { type SourceResult, sourceError } from "../errors/sourceError";
import { sourceErrorFromWikiCode } from "../errors/wikiError";
import { watchlistRowToChange } from "./adapter";
import { type WireWatchlistResponse, wireWatchlistResponse, wireWatchlistRow } from "./wire";

export interface WatchlistWarning {
  /** The API module that warned ("main", "watchlist"), or "watchdeck" for our own notes. */
  module: string;
  code?: string;
  text: string;
}

export interface WatchlistPage {
  changes: Change[];
  /** The `continue` object to send with the next request; absent on the last page. */
  continue?: Record<string, string>;
  warnings: WatchlistWarning[];
}

/**
 * Parses one decoded JSON response of list=watchlist (formatversion=2).
 *
 * All or nothing: if any row does not match the wire format the whole page
 * fails with an `invalid_row` error naming the row, and no change from the
 * page is returned. The sync engine then keeps its cursor where it was, so a
 * change is never skipped silently; a row that crashed the page would stall
 * the sync visibly instead.
 *
 * An API error envelope ({"error": …} or {"errors": […]}) becomes the matching
 * SourceError (bad_wltoken → auth, …).
 */
export function parseWatchlistPage(json: unknown): SourceResult<WatchlistPage> {
  let envelope: z.ZodSafeParseResult<WireWatchlistResponse>;
  try {
    envelope = wireWatchlistResponse.safeParse(json);
  } catch (err) {
    return malformed(`the response could not be checked (${errorName(err)})`);
  }
  if (!envelope.success) {
    return malformed(describeIssues(envelope.error.issues));
  }
  const response = envelope.data;

  const apiError = response.error ?? response.errors?.[0];
  if (apiError !== undefined) {
    return failed(sourceErrorFromWikiCode(apiError.code, apiError.info ?? apiError.text ?? apiError.html));
  }

  const warnings = collectWarnings(response.warnings);
  const rows = response.query?.watchlist;
  // MediaWiki always writes query.watchlist, as [] for an empty watchlist.
  if (rows === undefined) return malformed("it has no query.watchlist list");

  const changes: Change[] = [];
  for (const [index, raw] of rows.entries()) {
    if (nestedDeeperThan(raw, MAX_ROW_DEPTH)) {
      return invalidRow(index, rows.length, raw, `it is nested deeper than ${MAX_ROW_DEPTH} levels`);
    }
    let row: z.ZodSafeParseResult<z.infer<typeof wireWatchlistRow>>;
    try {
      row = wireWatchlistRow.safeParse(raw);
    } catch (err) {
      return invalidRow(index, rows.length, raw, `could not be checked (${errorName(err)})`);
    }
    if (!row.success) {
      return invalidRow(index, rows.length, raw, describeIssues(row.error.issues));
    }
    const change = watchlistRowToChange(row.data);
    if (change === null) {
      warnings.push({
        module: "watchdeck",
        code: "hidden-log-entry",
        text: `Row ${index + 1} (${row.data.timestamp}) is a log entry whose action is hidden from this user; it was skipped.`,
      });
      continue;
    }
    changes.push(change);
  }

  return {
    ok: true,
    value: response.continue === undefined ? { changes, warnings } : { changes, continue: response.continue, warnings },
  };
}

// A real row is at most five levels deep (row > logparams > details > item > value).
// Checked without recursion before the schema, which recurses, ever sees the row.
const MAX_ROW_DEPTH = 32;

function nestedDeeperThan(value: unknown, max: number): boolean {
  // Only objects and arrays are stacked: a row's scalars cost nothing to skip.
  const stack: Array<[object, number]> = isNested(value) ? [[value, 0]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth >= max) return true;
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (isNested(child)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function isNested(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function collectWarnings(wire: WireWatchlistResponse["warnings"]): WatchlistWarning[] {
  if (wire === undefined) return [];
  if (Array.isArray(wire)) {
    return wire.map((w) => ({
      module: w.module ?? "main",
      ...(w.code === undefined ? {} : { code: w.code }),
      text: w.text ?? w.html ?? "",
    }));
  }
  return Object.entries(wire).map(([module, w]) => ({ module, text: w.warnings ?? "" }));
}

function malformed(why: string): SourceResult<never> {
  return sourceError(
    "invalid",
    "malformed",
    "The wiki's watchlist response was not in the expected format (action=query&list=watchlist, formatversion=2).",
    why,
  );
}

function invalidRow(index: number, total: number, raw: unknown, why: string): SourceResult<never> {
  return sourceError(
    "invalid",
    "invalid_row",
    `Watchlist row ${index + 1} of ${total}${rowLabel(raw)} is not in the expected format, so this page of the watchlist was not imported.`,
    why,
  );
}

/** "(revid 123, “Title”)" from whatever the bad row still has, to find it on the wiki. */
function rowLabel(raw: unknown): string {
  if (typeof raw !== "object" || raw === null) return "";
  const r = raw as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof r.revid === "number" && r.revid > 0) parts.push(`revid ${r.revid}`);
  if (typeof r.logid === "number" && r.logid > 0) parts.push(`logid ${r.logid}`);
  if (typeof r.title === "string") parts.push(`“${r.title.slice(0, 200)}”`);
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".")}: ${issue.message}`)
    .join("; ");
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : "unknown error";
}
