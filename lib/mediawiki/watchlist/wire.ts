import { z } from "zod";
import { parseMediaWikiTimestamp } from "./timestamp";

/**
 * Wire types of action=query&list=watchlist, formatversion=2, exactly as
 * MediaWiki 1.39 writes them (ApiQueryWatchlist::extractOutputData) for
 *   wlprop=ids|title|flags|user|userid|comment|parsedcomment|timestamp|sizes|
 *          notificationtimestamp|loginfo|tags|expiry
 *   wlallrev=1, wltype=edit|new|log|categorize|external
 * Booleans are real booleans (formatversion=2); a formatversion=1 row ("" for
 * true) fails validation on purpose.
 */

const timestamp = z.string().refine((s) => parseMediaWikiTimestamp(s) !== null, {
  message: "not an ISO 8601 UTC timestamp",
});
const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
// Namespaces and page sizes are stored as Postgres integers: a larger number is refused here, with the row
// named, rather than by the database, which would fail the poll on every retry.
const INT32_MAX = 2 ** 31 - 1;
const length = z.number().int().nonnegative().max(INT32_MAX);
const namespace = z
  .number()
  .int()
  .min(-INT32_MAX - 1)
  .max(INT32_MAX);

export const wireChangeType = z.enum(["edit", "new", "log", "categorize", "external"]);

export const wireWatchlistRow = z
  .object({
    type: wireChangeType,
    // ids|title: absent only for a log entry whose action is hidden from the viewer.
    ns: namespace.optional(),
    title: z.string().min(1).optional(),
    pageid: id.optional(),
    revid: id.optional(),
    old_revid: id.optional(),
    // user|userid: absent when the user is revision-deleted and hidden from the viewer.
    user: z.string().optional(),
    userid: id.optional(),
    userhidden: z.boolean().optional(),
    anon: z.boolean().optional(),
    // flags
    bot: z.boolean().optional(),
    new: z.boolean().optional(),
    minor: z.boolean().optional(),
    // sizes
    oldlen: length.optional(),
    newlen: length.optional(),
    timestamp,
    /** "" when the watcher has seen the page (read). */
    notificationtimestamp: z.union([z.literal(""), timestamp]).optional(),
    // comment|parsedcomment: absent when hidden from the viewer.
    comment: z.string().optional(),
    parsedcomment: z.string().optional(),
    commenthidden: z.boolean().optional(),
    // loginfo (type "log" only)
    actionhidden: z.boolean().optional(),
    logid: id.optional(),
    logtype: z.string().optional(),
    logaction: z.string().optional(),
    /** An object; PHP's empty array serialises as [] when there are no parameters. */
    logparams: z.union([z.record(z.string(), z.json()), z.array(z.json()).max(0)]).optional(),
    logdisplay: z.string().optional(),
    suppressed: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
    /** false when the watch never expires. */
    expiry: z.union([z.literal(false), timestamp]).optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.actionhidden && (row.title === undefined || row.ns === undefined)) {
      ctx.addIssue({ code: "custom", message: "title and ns are required unless actionhidden" });
    }
    if (
      row.type === "log" &&
      !row.actionhidden &&
      (row.logid === undefined || row.logtype === undefined || row.logaction === undefined)
    ) {
      ctx.addIssue({ code: "custom", message: "a log row needs logid, logtype and logaction (wlprop=loginfo)" });
    }
  });

export type WireWatchlistRow = z.infer<typeof wireWatchlistRow>;

/** errorformat=bc (the default): { "<module>": { "warnings": "text" } }. */
const bcWarnings = z.record(z.string(), z.object({ warnings: z.string() }).partial().loose());
/** errorformat=plaintext|wikitext|html|raw: [{ code, text|html|key, module }]. */
const listWarnings = z.array(
  z
    .object({
      code: z.string().optional(),
      module: z.string().optional(),
      text: z.string().optional(),
      html: z.string().optional(),
    })
    .loose(),
);
export const wireWarnings = z.union([bcWarnings, listWarnings]);

export const wireApiError = z
  .object({ code: z.string(), info: z.string().optional(), text: z.string().optional(), html: z.string().optional() })
  .loose();

/**
 * One response page. Rows are kept unknown here and validated one by one by
 * the parser, so a bad row can be named in the error.
 */
export const wireWatchlistResponse = z.object({
  batchcomplete: z.boolean().optional(),
  continue: z.record(z.string(), z.string()).optional(),
  warnings: wireWarnings.optional(),
  error: wireApiError.optional(),
  errors: z.array(wireApiError).optional(),
  query: z.object({ watchlist: z.array(z.unknown()) }).optional(),
});

export type WireWatchlistResponse = z.infer<typeof wireWatchlistResponse>;
