import { createHash } from "node:crypto";
import type { Change } from "./change";

/**
 * The stable dedupe key of a change within one wiki (the wiki is not part of
 * the key; store it beside it). Rules, first match wins:
 *
 * - `cat:<revId>:<title>` for a "categorize" change with a revision. MediaWiki
 *   gives a categorisation row the revision id of the page that entered or left
 *   the category, so `rev:<revId>` alone would collide with that page's own
 *   edit (and with the same revision's row in another category).
 * - `rev:<revId>` for any other non-log change with a revision (edit, new). The
 *   feed's `diff=` link carries the same id, so a feed item and an API row for
 *   one revision share this key.
 * - `log:<logId>` for a log entry. The feed links a log entry without its own
 *   revision to Special:Log?logid=<logId>, so both sources agree here too.
 * - `hash:<sha256>` otherwise ("external" changes, whose revId is the local
 *   page's latest revision rather than their own; items without ids), over
 *   kind, title, timestamp, user and comment.
 *
 * Per-link state (notificationTimestamp, expiry) and the source never enter the
 * key: the same change seen by two watchers or through two sources is one change.
 */
export function changeKey(change: Change): string {
  if (change.kind === "categorize" && isId(change.revId)) {
    return `cat:${change.revId}:${change.title}`;
  }
  if (change.kind !== "log" && change.kind !== "external" && isId(change.revId)) {
    return `rev:${change.revId}`;
  }
  if (change.kind === "log" && isId(change.logId)) {
    return `log:${change.logId}`;
  }
  return `hash:${stableHash(change)}`;
}

function isId(id: number | null): id is number {
  return id !== null && Number.isSafeInteger(id) && id > 0;
}

function stableHash(change: Change): string {
  // An array, not a delimiter-joined string: no field can forge another's boundary.
  const fields = [change.kind, change.title, change.timestamp.toISOString(), change.user, change.comment];
  return createHash("sha256").update(JSON.stringify(fields), "utf8").digest("hex");
}
