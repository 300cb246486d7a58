import type { JsonValue } from "@/lib/changes/change";
import { exactTime } from "./timeText";

/**
 * A log row's sentence as Special:Watchlist says it ("Bob moved page Move me to Moved page"), in
 * parts: glue text, and names (users, titles) that the page shows each in its own bidi isolate and,
 * with `title`, links to on the wiki. Parts are plain text; nothing in them is ever markup.
 */
export type LogLinePart = { text: string } | { name: string; title?: string };

export interface LogLineEntry {
  kind: string;
  namespace: number | null;
  /** Prefixed title the log entry is about. */
  title: string;
  logType: string | null;
  logAction: string | null;
  logParams: JsonValue | null;
  user: string | null;
  anon: boolean;
}

type Params = { [key: string]: JsonValue };

const text = (value: string): LogLinePart => ({ text: value });
const page = (title: string): LogLinePart => ({ name: title, title });

/** The sentence of a log row, null for other rows. Unknown types and odd params still give a sentence. */
export function logLine(entry: LogLineEntry, timeZone: string): LogLinePart[] | null {
  if (entry.kind !== "log") return null;
  const actor: LogLinePart =
    entry.user === null
      ? text("(username removed)")
      : { name: entry.user, title: entry.anon ? `Special:Contributions/${entry.user}` : `User:${entry.user}` };
  if (entry.logType === null) return [actor, text(" "), text("(log details removed)")];
  const params: Params = isObject(entry.logParams) ? entry.logParams : {};
  return [actor, text(" "), ...action(entry, entry.logType, entry.logAction ?? "", params, timeZone)];
}

/** The sentence as one string, for places that show text only (a feed's title, a test). */
export function logLineText(parts: readonly LogLinePart[]): string {
  return parts.map((part) => ("text" in part ? part.text : part.name)).join("");
}

function action(entry: LogLineEntry, type: string, act: string, params: Params, timeZone: string): LogLinePart[] {
  const target = page(entry.title);
  switch (type) {
    case "move":
      return moveLine(target, act, params);
    case "protect":
      return protectLine(target, act, params, timeZone);
    case "delete":
      return deleteLine(target, act, params);
    case "block":
      return blockLine(userOf(entry), act, params);
    case "rights":
      return rightsLine(userOf(entry), act, params);
    case "upload":
      return act === "overwrite" ? [text("uploaded a new version of "), target] : [text("uploaded "), target];
    case "newusers":
      if (act === "autocreate") return [text("had a user account created automatically")];
      return act === "create" ? [text("created a user account")] : [text("created the user account "), userOf(entry)];
    case "merge": {
      const dest = str(params.dest_title);
      return dest === null ? [text("merged "), target] : [text("merged "), target, text(" into "), page(dest)];
    }
    case "patrol":
      return [text("marked a revision of "), target, text(" patrolled")];
    default:
      return [text(`performed ${type}${act && act !== type ? `/${act}` : ""} on `), target];
  }
}

function moveLine(target: LogLinePart, act: string, params: Params): LogLinePart[] {
  const to = str(params.target_title);
  const parts: LogLinePart[] = [text("moved page "), target];
  if (to !== null) parts.push(text(" to "), page(to));
  if (act === "move_redir") parts.push(text(" over a redirect"));
  if (params.suppressredirect === true) parts.push(text(" without leaving a redirect"));
  return parts;
}

function protectLine(target: LogLinePart, act: string, params: Params, timeZone: string): LogLinePart[] {
  if (act === "unprotect") return [text("removed protection from "), target];
  if (act === "move_prot") {
    const from = str(params.oldtitle_title);
    return from === null
      ? [text("moved protection settings to "), target]
      : [text("moved protection settings from "), page(from), text(" to "), target];
  }
  const verb = act === "modify" ? "changed protection settings for " : "protected ";
  const levels = protectionLevels(params, timeZone);
  return levels === "" ? [text(verb), target] : [text(verb), target, text(` ${levels}`)];
}

/** "[edit=sysop] (indefinite) [move=sysop] (expires 1 Jan 2027, 00:00:00 UTC)", from the details MediaWiki lists. */
function protectionLevels(params: Params, timeZone: string): string {
  const details = Array.isArray(params.details) ? params.details.filter(isObject) : [];
  const levels = details.flatMap((detail) => {
    const type = str(detail.type);
    const level = str(detail.level);
    if (type === null || level === null) return [];
    const cascading = detail.cascade === true ? " [cascading]" : "";
    return [`[${type}=${level}] (${expiryText(str(detail.expiry), timeZone)})${cascading}`];
  });
  // An entry without details (written by an old MediaWiki) keeps only its description.
  return levels.length > 0
    ? levels.join(" ")
    : (str(params.description)
        ?.replace(/\u200e/g, " ")
        .trim() ?? "");
}

function expiryText(expiry: string | null, timeZone: string): string {
  if (expiry === null || isInfinite(expiry)) return "indefinite";
  const at = new Date(expiry);
  return Number.isNaN(at.getTime()) ? `expires ${expiry}` : `expires ${exactTime(at, timeZone)}`;
}

const isInfinite = (value: string) =>
  ["infinite", "indefinite", "infinity", "never"].includes(value.trim().toLowerCase());

function deleteLine(target: LogLinePart, act: string, params: Params): LogLinePart[] {
  switch (act) {
    case "restore":
      return [text("restored page "), target];
    case "revision":
    case "event": {
      const ids = Array.isArray(params.ids) ? params.ids.length : 0;
      const what =
        act === "event"
          ? ids === 1
            ? "a log entry"
            : `${ids} log entries`
          : ids === 1
            ? "a revision"
            : `${ids} revisions`;
      const changes = visibilityChanges(params);
      return [
        text(`changed visibility of ${ids === 0 ? "revisions" : what} on page `),
        target,
        ...(changes === "" ? [] : [text(`: ${changes}`)]),
      ];
    }
    default:
      return [text("deleted page "), target];
  }
}

const VISIBILITY_FIELDS: [string, string][] = [
  ["content", "content"],
  ["comment", "edit summary"],
  ["user", "username"],
];

/** "edit summary hidden, username unhidden", from the old and new bits MediaWiki logs. */
function visibilityChanges(params: Params): string {
  const before = isObject(params.old) ? params.old : {};
  const after = isObject(params.new) ? params.new : {};
  const changes = VISIBILITY_FIELDS.flatMap(([field, label]) => {
    if (after[field] === true && before[field] !== true) return [`${label} hidden`];
    if (after[field] === false && before[field] === true) return [`${label} unhidden`];
    return [];
  });
  if (after.restricted === true && before.restricted !== true) changes.push("applied to administrators too");
  return changes.join(", ");
}

const BLOCK_FLAGS: Record<string, string> = {
  anononly: "anonymous users only",
  nocreate: "account creation disabled",
  noautoblock: "autoblock disabled",
  noemail: "email disabled",
  nousertalk: "cannot edit own talk page",
  hiddenname: "username hidden",
};

function blockLine(target: LogLinePart, act: string, params: Params): LogLinePart[] {
  if (act === "unblock") return [text("unblocked "), target];
  const verb =
    act === "reblock" ? "changed block settings for " : params.sitewide === false ? "partially blocked " : "blocked ";
  const duration = str(params.duration);
  const flags = Array.isArray(params.flags)
    ? params.flags.flatMap((flag) => (typeof flag === "string" ? [BLOCK_FLAGS[flag] ?? flag] : []))
    : [];
  const parts: LogLinePart[] = [text(verb), target];
  if (duration !== null)
    parts.push(text(` with an expiration time of ${isInfinite(duration) ? "indefinite" : duration}`));
  if (flags.length > 0) parts.push(text(` (${flags.join(", ")})`));
  return parts;
}

function rightsLine(target: LogLinePart, act: string, params: Params): LogLinePart[] {
  const groups = (value: JsonValue | undefined) => {
    const names = Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
    return names.length > 0 ? names.join(", ") : "(none)";
  };
  const change = ` from ${groups(params.oldgroups)} to ${groups(params.newgroups)}`;
  if (act === "autopromote") return [text(`was automatically promoted${change}`)];
  return [text("changed group membership for "), target, text(change)];
}

/** The user a block or rights entry is about: its title without the User: prefix. */
function userOf(entry: LogLineEntry): LogLinePart {
  const name = entry.namespace === 2 ? entry.title.slice(entry.title.indexOf(":") + 1) : entry.title;
  return { name, title: entry.title };
}

function isObject(value: JsonValue | undefined | null): value is Params {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: JsonValue | undefined): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}
