/**
 * The ids a MediaWiki change link carries. The watchlist feed links a revision
 * as index.php?title=Page&diff=<revid> and a log entry without a revision as
 * index.php?title=Special:Log&logid=<logid>; other shapes seen in the wild
 * (oldid=, diff=prev, Special:Diff/…, Special:PermanentLink/…) are understood
 * too. A side the link does not pin down (diff=next, diff=cur) is null.
 */
export interface ChangeUrlIds {
  revId: number | null;
  oldRevId: number | null;
  logId: number | null;
}

const NONE: ChangeUrlIds = { revId: null, oldRevId: null, logId: null };

export function idsFromChangeUrl(url: string): ChangeUrlIds {
  let parsed: URL;
  try {
    // A base makes relative links ("/w/index.php?diff=1") parse too.
    parsed = new URL(url.trim(), "https://wiki.invalid/");
  } catch {
    return NONE;
  }
  const params = parsed.searchParams;
  // A link escaped twice ("&amp;diff=1") arrives with "amp;diff" as the key.
  const param = (name: string): string | null => params.get(name) ?? params.get(`amp;${name}`);

  const logId = positiveInt(param("logid"));
  if (logId !== null) return { ...NONE, logId };

  const fromQuery = fromDiffAndOldid(param("diff"), param("oldid"));
  if (fromQuery !== null) return fromQuery;

  return fromSpecialPage(param("title") ?? pathTitle(parsed.pathname)) ?? NONE;
}

function fromDiffAndOldid(diff: string | null, oldid: string | null): ChangeUrlIds | null {
  const oldId = positiveInt(oldid);
  if (diff === null || diff === "") {
    // index.php?oldid=N is a permanent link to revision N.
    return oldId === null ? null : { ...NONE, revId: oldId };
  }
  const diffId = positiveInt(diff);
  if (diffId !== null) return { ...NONE, revId: diffId, oldRevId: oldId };
  // diff=prev&oldid=N shows N against its parent: the change is N.
  if (diff === "prev") return oldId === null ? null : { ...NONE, revId: oldId };
  // diff=next|cur|0 compares N with a revision the link does not name.
  return oldId === null ? null : { ...NONE, oldRevId: oldId };
}

const SPECIAL = /^Special:(Diff|PermanentLink|Redirect\/revision|Redirect\/logid)\/([^/]+)(?:\/([^/]+))?$/i;

function fromSpecialPage(title: string | null): ChangeUrlIds | null {
  if (title === null) return null;
  const m = SPECIAL.exec(title.replace(/ /g, "_"));
  if (!m) return null;
  const page = m[1]!.toLowerCase();
  const first = m[2]!;
  const second = m[3];
  if (page === "redirect/logid") {
    const logId = positiveInt(first);
    return logId === null || second !== undefined ? null : { ...NONE, logId };
  }
  if (page !== "diff") {
    const revId = positiveInt(first);
    return revId === null || second !== undefined ? null : { ...NONE, revId };
  }
  // Special:Diff/<rev>, Special:Diff/<old>/<rev>, Special:Diff/<rev>/prev, Special:Diff/<old>/next|cur
  if (second === undefined) return fromDiffAndOldid(first, null);
  return fromDiffAndOldid(second, first);
}

/** "Special:Diff/1" from "/wiki/Special:Diff/1"; null when the path has no article part. */
function pathTitle(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const at = decoded.search(/Special:/i);
  return at === -1 ? null : decoded.slice(at);
}

function positiveInt(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^\d{1,16}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
