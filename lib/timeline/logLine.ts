import type { JsonValue } from "@/lib/changes/change";
import { type Translate, translatorFor } from "@/lib/i18n/translate";
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

/** The words of one viewer: their language's `log` messages, and the zone and language of dates in them. */
interface Words {
  t: Translate;
  timeZone: string;
  locale: string;
}

const text = (value: string): LogLinePart => ({ text: value });
const page = (title: string): LogLinePart => ({ name: title, title });

// Names go into a translated sentence as markers, so that each language puts them where its word order wants
// them; the sentence is then cut at the markers back into text and name parts.
const MARK = "\u0001";
function sentence(w: Words, key: string, names: Record<string, LogLinePart> = {}, values = {}): LogLinePart[] {
  const order = Object.keys(names);
  const marked = Object.fromEntries(order.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  const parts: LogLinePart[] = [];
  for (const [i, piece] of w
    .t(key, { ...values, ...marked })
    .split(MARK)
    .entries()) {
    if (i % 2 === 1) {
      const name = names[order[Number(piece)] ?? ""];
      if (name) parts.push(name);
    } else if (piece !== "") parts.push(text(piece));
  }
  return parts;
}

/**
 * The sentence of a log row in the viewer's language (English unless `locale` says otherwise), null for other rows.
 * Unknown types and odd params still give a sentence.
 */
export function logLine(entry: LogLineEntry, timeZone: string, locale = "en"): LogLinePart[] | null {
  if (entry.kind !== "log") return null;
  const w: Words = { t: translatorFor(locale, "log"), timeZone, locale };
  const actor: LogLinePart =
    entry.user === null
      ? text(w.t("usernameRemoved"))
      : { name: entry.user, title: entry.anon ? `Special:Contributions/${entry.user}` : `User:${entry.user}` };
  if (entry.logType === null) return [actor, text(" "), text(w.t("detailsRemoved"))];
  const params: Params = isObject(entry.logParams) ? entry.logParams : {};
  return [actor, text(" "), ...action(w, entry, entry.logType, entry.logAction ?? "", params)];
}

/** The sentence as one string, for places that show text only (a feed's title, a test). */
export function logLineText(parts: readonly LogLinePart[]): string {
  return parts.map((part) => ("text" in part ? part.text : part.name)).join("");
}

function action(w: Words, entry: LogLineEntry, type: string, act: string, params: Params): LogLinePart[] {
  const target = page(entry.title);
  switch (type) {
    case "move":
      return moveLine(w, target, act, params);
    case "protect":
      return protectLine(w, target, act, params);
    case "delete":
      return deleteLine(w, target, act, params);
    case "block":
      return blockLine(w, userOf(entry), act, params);
    case "rights":
      return rightsLine(w, userOf(entry), act, params);
    case "upload":
      return sentence(w, act === "overwrite" ? "uploadOverwrite" : "upload", { target });
    case "newusers":
      if (act === "autocreate") return sentence(w, "autocreate");
      return act === "create" ? sentence(w, "create") : sentence(w, "createUser", { user: userOf(entry) });
    case "merge": {
      const dest = str(params.dest_title);
      return dest === null ? sentence(w, "merge", { target }) : sentence(w, "mergeInto", { target, dest: page(dest) });
    }
    case "patrol":
      return sentence(w, "patrol", { target });
    default:
      return sentence(w, "other", { target }, { action: `${type}${act && act !== type ? `/${act}` : ""}` });
  }
}

function moveLine(w: Words, target: LogLinePart, act: string, params: Params): LogLinePart[] {
  const to = str(params.target_title);
  const parts = to === null ? sentence(w, "move", { target }) : sentence(w, "moveTo", { target, to: page(to) });
  if (act === "move_redir") parts.push(text(` ${w.t("overRedirect")}`));
  if (params.suppressredirect === true) parts.push(text(` ${w.t("noRedirect")}`));
  return parts;
}

function protectLine(w: Words, target: LogLinePart, act: string, params: Params): LogLinePart[] {
  if (act === "unprotect") return sentence(w, "unprotect", { target });
  if (act === "move_prot") {
    const from = str(params.oldtitle_title);
    return from === null
      ? sentence(w, "moveProtection", { target })
      : sentence(w, "moveProtectionFrom", { from: page(from), target });
  }
  const parts = sentence(w, act === "modify" ? "protectModify" : "protect", { target });
  const levels = protectionLevels(w, params);
  return levels === "" ? parts : [...parts, text(` ${levels}`)];
}

/** "[edit=sysop] (indefinite) [move=sysop] (expires 1 Jan 2027, 00:00:00 UTC)", from the details MediaWiki lists. */
function protectionLevels(w: Words, params: Params): string {
  const details = Array.isArray(params.details) ? params.details.filter(isObject) : [];
  const levels = details.flatMap((detail) => {
    const type = str(detail.type);
    const level = str(detail.level);
    if (type === null || level === null) return [];
    const cascading = detail.cascade === true ? ` ${w.t("cascading")}` : "";
    return [`[${type}=${level}] (${expiryText(w, str(detail.expiry))})${cascading}`];
  });
  // An entry without details (written by an old MediaWiki) keeps only its description.
  return levels.length > 0
    ? levels.join(" ")
    : (str(params.description)
        ?.replace(/\u200e/g, " ")
        .trim() ?? "");
}

function expiryText(w: Words, expiry: string | null): string {
  if (expiry === null || isInfinite(expiry)) return w.t("indefinite");
  const at = new Date(expiry);
  return w.t("expires", { time: Number.isNaN(at.getTime()) ? expiry : exactTime(at, w.timeZone, w.locale) });
}

const isInfinite = (value: string) =>
  ["infinite", "indefinite", "infinity", "never"].includes(value.trim().toLowerCase());

function deleteLine(w: Words, target: LogLinePart, act: string, params: Params): LogLinePart[] {
  switch (act) {
    case "restore":
      return sentence(w, "restore", { target });
    case "revision":
    case "event": {
      const count = Array.isArray(params.ids) ? params.ids.length : 0;
      const changes = visibilityChanges(w, params);
      return [
        ...sentence(w, "visibility", { target }, { what: act, count }),
        ...(changes === "" ? [] : [text(`: ${changes}`)]),
      ];
    }
    default:
      return sentence(w, "delete", { target });
  }
}

const VISIBILITY_FIELDS = ["content", "comment", "user"] as const;

/** "edit summary hidden, username unhidden", from the old and new bits MediaWiki logs. */
function visibilityChanges(w: Words, params: Params): string {
  const before = isObject(params.old) ? params.old : {};
  const after = isObject(params.new) ? params.new : {};
  const changes = VISIBILITY_FIELDS.flatMap((field) => {
    if (after[field] === true && before[field] !== true) return [w.t("hidden", { field })];
    if (after[field] === false && before[field] === true) return [w.t("unhidden", { field })];
    return [];
  });
  if (after.restricted === true && before.restricted !== true) changes.push(w.t("restricted"));
  return changes.join(", ");
}

function blockLine(w: Words, target: LogLinePart, act: string, params: Params): LogLinePart[] {
  if (act === "unblock") return sentence(w, "unblock", { target });
  const verb = act === "reblock" ? "reblock" : params.sitewide === false ? "partialBlock" : "block";
  const duration = str(params.duration);
  const flags = Array.isArray(params.flags)
    ? params.flags.flatMap((flag) => (typeof flag === "string" ? [w.t("blockFlag", { flag })] : []))
    : [];
  const parts = sentence(w, verb, { target });
  if (duration !== null)
    parts.push(text(` ${w.t("blockExpiry", { duration: isInfinite(duration) ? w.t("indefinite") : duration })}`));
  if (flags.length > 0) parts.push(text(` (${flags.join(", ")})`));
  return parts;
}

function rightsLine(w: Words, target: LogLinePart, act: string, params: Params): LogLinePart[] {
  const groups = (value: JsonValue | undefined) => {
    const names = Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
    return names.length > 0 ? names.join(", ") : w.t("groupsNone");
  };
  const values = { old: groups(params.oldgroups), new: groups(params.newgroups) };
  if (act === "autopromote") return sentence(w, "autopromote", {}, values);
  return sentence(w, "rights", { target }, values);
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
