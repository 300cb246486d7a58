import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";
import type { SourceError } from "@/lib/mediawiki/errors/sourceError";

/**
 * What every change a source parser hands out, and every error it returns,
 * must be, whatever the input was. Each function lists what is wrong; an empty
 * list means the value is fine.
 */

const CHANGE_FIELDS = [
  "anon",
  "bot",
  "comment",
  "commentHidden",
  "expiry",
  "isNew",
  "kind",
  "logAction",
  "logId",
  "logParams",
  "logType",
  "minor",
  "namespace",
  "newLength",
  "notificationTimestamp",
  "oldLength",
  "oldRevId",
  "pageId",
  "parsedComment",
  "revId",
  "source",
  "tags",
  "timestamp",
  "title",
  "user",
  "userHidden",
  "userId",
].join(",");
const KINDS = new Set(["edit", "new", "log", "categorize", "external"]);
const KEY = /^(?:rev:[1-9]\d*|log:[1-9]\d*|cat:[1-9]\d*:[\s\S]+|hash:[0-9a-f]{64})$/;

export function changeViolations(change: Change, index: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`change ${index}: ${what}`);
  };
  const isId = (v: unknown) => v === null || (Number.isSafeInteger(v) && (v as number) > 0);
  const isCount = (v: unknown) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0);
  const isText = (v: unknown) => v === null || typeof v === "string";
  const isDate = (v: unknown) => v instanceof Date && Number.isFinite(v.getTime());

  check(
    Object.getPrototypeOf(change) === Object.prototype && Object.keys(change).sort().join(",") === CHANGE_FIELDS,
    `fields are ${Object.keys(change).join(",")}`,
  );
  check(KINDS.has(change.kind), `kind ${String(change.kind)}`);
  check(change.source === "api" || change.source === "feed", `source ${String(change.source)}`);
  check(typeof change.title === "string" && change.title.length > 0, `title ${String(change.title)}`);
  check(change.namespace === null || Number.isSafeInteger(change.namespace), `namespace ${String(change.namespace)}`);
  for (const field of ["pageId", "revId", "oldRevId", "logId"] as const)
    check(isId(change[field]), `${field} ${String(change[field])}`);
  for (const field of ["userId", "oldLength", "newLength"] as const)
    check(isCount(change[field]), `${field} ${String(change[field])}`);
  for (const field of ["user", "comment", "parsedComment", "logType", "logAction"] as const)
    check(isText(change[field]), `${field} is ${typeof change[field]}`);
  for (const field of ["userHidden", "anon", "commentHidden", "minor", "bot", "isNew"] as const)
    check(typeof change[field] === "boolean", `${field} ${String(change[field])}`);
  check(isDate(change.timestamp), `timestamp ${String(change.timestamp)}`);
  check(
    change.notificationTimestamp === null || isDate(change.notificationTimestamp),
    `notificationTimestamp ${String(change.notificationTimestamp)}`,
  );
  check(change.expiry === null || isDate(change.expiry), `expiry ${String(change.expiry)}`);
  check(Array.isArray(change.tags) && change.tags.every((t) => typeof t === "string"), "tags are not all strings");
  check(!change.userHidden || (change.user === null && change.userId === null), "a hidden user still has a name or id");
  check(
    !change.commentHidden || (change.comment === null && change.parsedComment === null),
    "a hidden summary is still there",
  );
  check(
    change.logParams === null ||
      (typeof change.logParams === "object" &&
        !Array.isArray(change.logParams) &&
        Object.getPrototypeOf(change.logParams) === Object.prototype),
    "logParams is not a plain object",
  );
  if (problems.length > 0) return problems;
  try {
    const key = changeKey(change);
    check(KEY.test(key), `key ${key.slice(0, 80)}`);
    JSON.stringify(change);
  } catch (error) {
    check(false, `cannot be keyed or stored: ${String(error)}`);
  }
  return problems;
}

const ERROR_KINDS = new Set(["auth", "unavailable", "transient", "invalid"]);
const ERROR_CODES = new Set([
  "bad_wltoken",
  "bad_wlowner",
  "not_logged_in",
  "permission_denied",
  "feed_disabled",
  "wiki_error",
  "too_large",
  "malformed",
  "not_a_feed",
  "invalid_row",
  "invalid_item",
]);

/** A person reads the message on the link's status: a sentence or two, never a dump of the input. */
export const MAX_MESSAGE_LENGTH = 600;

export function sourceErrorViolations(error: SourceError): string[] {
  const problems: string[] = [];
  if (!ERROR_KINDS.has(error.kind)) problems.push(`error kind ${String(error.kind)}`);
  if (!ERROR_CODES.has(error.code)) problems.push(`error code ${String(error.code)}`);
  if (typeof error.message !== "string" || error.message.trim() === "") problems.push("error without a message");
  else if (error.message.length > MAX_MESSAGE_LENGTH)
    problems.push(`error message of ${error.message.length} characters: ${error.message.slice(0, 120)}…`);
  if (error.detail !== undefined && typeof error.detail !== "string")
    problems.push(`error detail is ${typeof error.detail}`);
  return problems;
}
