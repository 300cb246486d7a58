/**
 * The seed plan: every change the fixture makes on each wiki, as plain data,
 * so tests can compute the rows they expect in Alice's / Bob's watchlists.
 *
 * Steps run strictly in order (except `bulk` creations, which are sent a few
 * at a time). Every step that produces a recentchanges row carries a `label`
 * and an `expect` block describing that row; the fixture records the real ids
 * / timestamps per label in the manifest (`seed.changes[label]`), and checks
 * after seeding that Alice's and Bob's `list=watchlist&wlallrev=1` contain
 * exactly the expected labels.
 *
 * Caveat for "latest revision only" mode (no wlallrev): MediaWiki then keeps a
 * non-log row only if rc_this_oldid = page_latest; a move or protect adds a null
 * revision (no RC row) so the older rows of that page drop out. The manifest
 * records the measured counts for both modes (`seed.counts`).
 */
import { createHash } from "node:crypto";
import { type SeedSize, type UserKey, wikiDef } from "./config";

export type Actor = UserKey | "anon";

/** What kind of change a labelled step represents (one per seeded "kind"). */
export type ChangeKind =
  | "setup-create" // page created by Admin before anybody watched it (still listed: watchlists are retroactive)
  | "create-after-watch" // Alice watched the title before it existed
  | "edit"
  | "minor"
  | "bot"
  | "anon"
  | "talk" // change on the talk page of a watched page
  | "unicode"
  | "long-summary"
  | "move"
  | "protect"
  | "delete"
  | "categorize"
  | "revdel-target" // a revision that is later revision-deleted (see expect.userhidden/commenthidden)
  | "revdel-log" // the delete/revision log entry itself
  | "tag-replace"
  | "tag-blank"
  | "tag-custom"
  | "own-edit" // Alice's own edit
  | "expiring-watch" // edit on a page Alice watches with an expiry (still in the future)
  | "expired-watch" // edit on a page whose watch expiry is set to the past: NOT listed
  | "unwatched" // control: nobody watches it
  | "categorize-source" // edit on an unwatched page that adds it to a watched category
  | "bob-only"
  | "seen" // edit Alice has marked as seen (notificationtimestamp cleared)
  | "bulk";

export type RcType = "new" | "edit" | "log" | "categorize";

export interface Expect {
  kind: ChangeKind;
  rcType: RcType;
  /** Title the recentchanges row is on (prefixed, as the API shows it). */
  rcTitle: string;
  /** User name as shown (IP "127.0.0.1" for the anonymous edit). */
  user: string;
  /** In Alice's watchlist (list=watchlist&wlallrev=1) at the end of seeding? */
  alice: boolean;
  /** In Bob's watchlist at the end of seeding? */
  bob: boolean;
  minor?: boolean;
  bot?: boolean;
  anon?: boolean;
  /** Tags expected on the row (subset check; MediaWiki may add more). */
  tags?: string[];
  userhidden?: boolean;
  commenthidden?: boolean;
  logtype?: string;
  logaction?: string;
}

interface Labelled {
  label?: string;
  expect?: Expect;
}

export type SeedStep =
  | ({
      op: "edit";
      user: Actor;
      title: string;
      text: string;
      summary: string;
      minor?: boolean;
      bot?: boolean;
      tags?: string[];
      /** true: must create the page; false: must exist */
      create?: boolean;
    } & Labelled)
  | { op: "watch"; user: UserKey; titles: string[]; expiry?: string }
  | ({ op: "move"; user: UserKey; from: string; to: string; reason: string } & Labelled)
  | ({ op: "protect"; user: UserKey; title: string; protections: string; expiry: string; reason: string } & Labelled)
  | ({ op: "delete"; user: UserKey; title: string; reason: string } & Labelled)
  | ({
      op: "revdel";
      user: UserKey;
      /** label of the edit step whose revision gets hidden */
      target: string;
      title: string;
      hide: Array<"user" | "comment">;
      reason: string;
    } & Labelled)
  | { op: "createTag"; user: UserKey; tag: string; reason: string }
  | { op: "markSeen"; user: UserKey; titles: string[] }
  /** Raw DB write (fixture tool): move an existing watch's expiry into the past. */
  | { op: "expireWatch"; user: UserKey; title: string; expiry: string }
  /** `user` creates `count` pages `${prefix} NNN` in one PHP process via the fixture tool (labels bulk-NNN). */
  | { op: "bulk"; user: UserKey; prefix: string; count: number; watchers: UserKey[]; bot?: boolean }
  /** Run maintenance/runJobs.php (categorize changes are created by a job). */
  | { op: "runJobs" }
  /** No action: a row produced as a side effect of earlier steps (e.g. categorize). */
  | ({ op: "derived"; note: string } & Labelled);

export interface WikiTitles {
  main: string;
  mainTalk: string;
  minor: string;
  bot: string;
  anon: string;
  unicode: string;
  longSummary: string;
  moveFrom: string;
  moveTo: string;
  protect: string;
  del: string;
  category: string;
  categoryMember: string;
  revdel: string;
  tagged: string;
  aliceOwn: string;
  createdAfterWatch: string;
  expiring: string;
  expired: string;
  unwatched: string;
  bobOnly: string;
  seen: string;
  bulkPrefix: string;
}

export const TITLES_EN: WikiTitles = {
  main: "Watchdeck Alpha",
  mainTalk: "Talk:Watchdeck Alpha",
  minor: "Minor Edits Page",
  bot: "Bot Target",
  anon: "Anonymous Target",
  unicode: "Ünïcödé 日本語 ページ",
  longSummary: "Long Summary Page",
  moveFrom: "Move Me",
  moveTo: "Moved Page",
  protect: "Protect Me",
  del: "Delete Me",
  category: "Category:Watched Category",
  categoryMember: "Category Member",
  revdel: "Revision Deletion Page",
  tagged: "Tagged Page",
  aliceOwn: "Alice Own Page",
  createdAfterWatch: "Created After Watch",
  expiring: "Temporary Watch",
  expired: "Expired Watch",
  unwatched: "Unwatched Page",
  bobOnly: "Bob Only Page",
  seen: "Seen Page",
  bulkPrefix: "Bulk",
};

export const TITLES_DE: WikiTitles = {
  main: "Watchdeck Beta",
  mainTalk: "Diskussion:Watchdeck Beta",
  minor: "Kleine Änderungen",
  bot: "Bot-Ziel",
  anon: "Anonymes Ziel",
  unicode: "Größe ÄÖÜ ß 日本語",
  longSummary: "Lange Zusammenfassung",
  moveFrom: "Verschiebe mich",
  moveTo: "Verschobene Seite",
  protect: "Schütze mich",
  del: "Lösche mich",
  category: "Kategorie:Beobachtete Kategorie",
  categoryMember: "Kategorie-Mitglied",
  revdel: "Versionslöschung",
  tagged: "Markierte Seite",
  aliceOwn: "Alices eigene Seite",
  createdAfterWatch: "Nach Beobachtung erstellt",
  expiring: "Befristet beobachtet",
  expired: "Abgelaufene Beobachtung",
  unwatched: "Unbeobachtete Seite",
  bobOnly: "Nur Bob",
  seen: "Gesehene Seite",
  bulkPrefix: "Massenseite",
};

/** Tag created with action=managetags and applied to one edit. */
export const CUSTOM_TAG = "watchdeck-test";

/** A 499-character summary (MediaWiki's limit is 500 characters), with multi-byte characters. */
export const LONG_SUMMARY = (() => {
  const head = "Very long summary — äöü 日本語 — ";
  let s = head;
  let i = 0;
  while (s.length < 499) s += ` word${i++}`;
  return s.slice(0, 499);
})();

export const BULK_COUNT: Record<SeedSize, number> = { full: 540, small: 0, rtl: 0 };

function pad(n: number): string {
  return String(n).padStart(3, "0");
}

export function bulkTitle(prefix: string, n: number): string {
  return `${prefix} ${pad(n)}`;
}

/** Text of a page big enough that replacing it triggers mw-replace (>90% removed). */
const LONG_TEXT =
  "This page starts with a long paragraph that will be replaced entirely. ".repeat(12) +
  "\n\n[[Category:Seeded pages]]";

/**
 * The full plan for one wiki. `alpha` and `beta` get the full plan (beta with
 * German titles and a smaller bulk), other keys get a small benchmark plan.
 */
export function seedPlan(wikiKey: string): SeedStep[] {
  const def = wikiDef(wikiKey);
  if (def.seed === "small") return smallPlan();
  if (def.seed === "rtl") return rtlPlan();
  const t = def.lang === "de" ? TITLES_DE : TITLES_EN;
  const bulkCount = wikiKey === "alpha" ? BULK_COUNT.full : 30;
  const bulkTitles = Array.from({ length: bulkCount }, (_, i) => bulkTitle(t.bulkPrefix, i + 1));
  const steps: SeedStep[] = [];
  // biome-ignore lint/correctness/noComponentHookFactories: E builds an expectation, not a React component
  const E = (e: Omit<Expect, "bob"> & { bob?: boolean }): Expect => ({ bob: false, ...e });
  const setupPages: Array<[string, string]> = [
    [t.main, "Main watched page.\n"],
    [t.minor, "Page for minor edits.\n"],
    [t.bot, "Page for bot edits.\n"],
    [t.anon, "Page for anonymous edits.\n"],
    [t.unicode, "Unicode title page.\n"],
    [t.longSummary, "Page edited with a very long summary.\n"],
    [t.moveFrom, "This page will be moved.\n"],
    [t.protect, "This page will be protected.\n"],
    [t.del, "This page will be deleted.\n"],
    [t.category, "A watched category.\n"],
    [t.revdel, "This page gets revision deletions.\n"],
    [t.tagged, LONG_TEXT],
    [t.aliceOwn, "Alice edits this page herself.\n"],
    [t.expiring, "Watched with an expiry.\n"],
    [t.expired, "Watched with an expiry that has passed.\n"],
    [t.unwatched, "Nobody watches this page.\n"],
    [t.bobOnly, "Only Bob watches this page.\n"],
    [t.seen, "Alice will have seen the change on this page.\n"],
  ];
  const aliceTitles = [
    t.main,
    t.minor,
    t.bot,
    t.anon,
    t.unicode,
    t.longSummary,
    t.moveFrom,
    t.protect,
    t.del,
    t.category,
    t.revdel,
    t.tagged,
    t.aliceOwn,
    t.createdAfterWatch,
    t.seen,
  ];
  // t.expired is watched too, but its expiry ends up in the past: none of its rows are listed.
  const aliceVisible = new Set([...aliceTitles, t.mainTalk, t.moveTo, t.expiring]);
  const bobWatched = new Set([t.main, t.unicode, t.bobOnly, t.mainTalk]);
  // 1. Admin creates the setup pages (nobody watches them yet).
  for (const [title, text] of setupPages) {
    const deleted = title === t.del;
    steps.push({
      op: "edit",
      label: `setup:${title}`,
      user: "Admin",
      title,
      text,
      summary: "Fixture setup",
      create: true,
      expect: E({
        kind: "setup-create",
        rcType: "new",
        rcTitle: title,
        user: "Admin",
        // the creation row of a deleted page is removed from recentchanges
        alice: !deleted && aliceVisible.has(title),
        bob: bobWatched.has(title),
      }),
    });
  }
  // 2. Alice / Bob watch (Alice also the not-yet-existing titles).
  steps.push({ op: "watch", user: "Alice", titles: aliceTitles });
  steps.push({ op: "watch", user: "Alice", titles: [t.expiring, t.expired], expiry: "1 month" });
  steps.push({ op: "watch", user: "Alice", titles: bulkTitles });
  steps.push({ op: "watch", user: "Bob", titles: [t.main, t.unicode, t.bobOnly] });
  steps.push({ op: "createTag", user: "Admin", tag: CUSTOM_TAG, reason: "Fixture tag" });
  // 3. Bulk creations first, so the interesting changes are the newest rows
  //    (first API page, first 50 feed items).
  if (bulkCount > 0) {
    steps.push({ op: "bulk", user: "Editor", prefix: t.bulkPrefix, count: bulkCount, watchers: ["Alice"] });
  }
  // 4. Every kind of change.
  const ed = (
    label: string,
    kind: ChangeKind,
    user: Actor,
    title: string,
    text: string,
    summary: string,
    extra: Partial<Extract<SeedStep, { op: "edit" }>> = {},
    exp: Partial<Expect> = {},
  ): SeedStep => ({
    op: "edit",
    label,
    user,
    title,
    text,
    summary,
    ...extra,
    expect: E({
      kind,
      rcType: extra.create ? "new" : "edit",
      rcTitle: title,
      user: user === "anon" ? "127.0.0.1" : user,
      alice: true,
      bob: bobWatched.has(title),
      ...(extra.minor ? { minor: true } : {}),
      ...(extra.bot ? { bot: true } : {}),
      ...(user === "anon" ? { anon: true } : {}),
      ...exp,
    }),
  });
  steps.push(
    ed(
      "create-after-watch",
      "create-after-watch",
      "Editor",
      t.createdAfterWatch,
      "Created after Alice watched it.\n",
      "Create a page Alice already watched",
      { create: true },
    ),
    ed("edit", "edit", "Editor", t.main, "Main watched page.\n\nA normal edit.\n", "Normal edit"),
    ed("minor", "minor", "Editor", t.minor, "Page for minor edits.\n\nA minor edit.\n", "Minor edit", { minor: true }),
    ed("bot", "bot", "BotUser", t.bot, "Page for bot edits.\n\nA bot edit.\n", "Bot edit", { bot: true }),
    ed("anon", "anon", "anon", t.anon, "Page for anonymous edits.\n\nAn IP edit.\n", "Anonymous edit"),
    ed("talk", "talk", "Editor", t.mainTalk, "A comment on the talk page. ~~~~\n", "Talk page comment", {
      create: true,
    }),
    ed(
      "unicode",
      "unicode",
      "Editor",
      t.unicode,
      "Unicode title page.\n\nÄnderung — 変更.\n",
      "Unicode: Ünïcödé 日本語 ✓",
    ),
    ed(
      "long-summary",
      "long-summary",
      "Editor",
      t.longSummary,
      "Page edited with a very long summary.\n\nEdited.\n",
      LONG_SUMMARY,
    ),
  );
  steps.push({
    op: "move",
    label: "move",
    user: "Admin",
    from: t.moveFrom,
    to: t.moveTo,
    reason: "Move a watched page",
    expect: E({
      kind: "move",
      rcType: "log",
      rcTitle: t.moveFrom,
      user: "Admin",
      alice: true,
      logtype: "move",
      logaction: "move",
    }),
  });
  steps.push({
    op: "protect",
    label: "protect",
    user: "Admin",
    title: t.protect,
    protections: "edit=sysop|move=sysop",
    expiry: "infinite",
    reason: "Protect a watched page",
    expect: E({
      kind: "protect",
      rcType: "log",
      rcTitle: t.protect,
      user: "Admin",
      alice: true,
      logtype: "protect",
      logaction: "protect",
    }),
  });
  steps.push({
    op: "delete",
    label: "delete",
    user: "Admin",
    title: t.del,
    reason: "Delete a watched page",
    expect: E({
      kind: "delete",
      rcType: "log",
      rcTitle: t.del,
      user: "Admin",
      alice: true,
      logtype: "delete",
      logaction: "delete",
    }),
  });
  steps.push(
    ed(
      "categorize-member",
      "categorize-source",
      "Editor",
      t.categoryMember,
      `Member of a watched category.\n\n[[${t.category}]]\n`,
      "Add page to a watched category",
      { create: true },
      { alice: false },
    ),
  );
  steps.push(
    ed(
      "revdel-user",
      "revdel-target",
      "Editor",
      t.revdel,
      "This page gets revision deletions.\n\nEdit whose user is hidden.\n",
      "Edit whose user will be hidden",
      {},
      { userhidden: true },
    ),
    ed(
      "revdel-comment",
      "revdel-target",
      "Editor",
      t.revdel,
      "This page gets revision deletions.\n\nEdit whose summary is hidden.\n",
      "Secret summary that will be hidden",
      {},
      { commenthidden: true },
    ),
  );
  steps.push({
    op: "revdel",
    label: "revdel-log-user",
    user: "Admin",
    target: "revdel-user",
    title: t.revdel,
    hide: ["user"],
    reason: "Hide the user",
    expect: E({
      kind: "revdel-log",
      rcType: "log",
      rcTitle: t.revdel,
      user: "Admin",
      alice: true,
      logtype: "delete",
      logaction: "revision",
    }),
  });
  steps.push({
    op: "revdel",
    label: "revdel-log-comment",
    user: "Admin",
    target: "revdel-comment",
    title: t.revdel,
    hide: ["comment"],
    reason: "Hide the summary",
    expect: E({
      kind: "revdel-log",
      rcType: "log",
      rcTitle: t.revdel,
      user: "Admin",
      alice: true,
      logtype: "delete",
      logaction: "revision",
    }),
  });
  steps.push(
    ed(
      "tag-replace",
      "tag-replace",
      "Editor",
      t.tagged,
      "Completely different content.\n",
      "Replace the content",
      {},
      { tags: ["mw-replace"] },
    ),
    ed("tag-blank", "tag-blank", "Editor", t.tagged, "", "Blank the page", {}, { tags: ["mw-blank"] }),
    ed(
      "tag-custom",
      "tag-custom",
      "Editor",
      t.tagged,
      "Restored with a custom tag.\n",
      "Edit with a custom tag",
      { tags: [CUSTOM_TAG] },
      { tags: [CUSTOM_TAG] },
    ),
    ed(
      "own-edit",
      "own-edit",
      "Alice",
      t.aliceOwn,
      "Alice edits this page herself.\n\nAlice was here.\n",
      "Alice's own edit",
    ),
    ed(
      "expiring-watch",
      "expiring-watch",
      "Editor",
      t.expiring,
      "Watched with an expiry.\n\nEdited.\n",
      "Edit on a temporarily watched page",
    ),
    ed(
      "expired-watch",
      "expired-watch",
      "Editor",
      t.expired,
      "Watched with an expiry that has passed.\n\nEdited.\n",
      "Edit on a page whose watch expired",
      {},
      { alice: false },
    ),
    ed(
      "unwatched",
      "unwatched",
      "Editor",
      t.unwatched,
      "Nobody watches this page.\n\nEdited.\n",
      "Edit on an unwatched page",
      {},
      { alice: false },
    ),
    ed(
      "bob-only",
      "bob-only",
      "Editor",
      t.bobOnly,
      "Only Bob watches this page.\n\nEdited.\n",
      "Edit only Bob sees",
      {},
      { alice: false },
    ),
    ed(
      "seen",
      "seen",
      "Editor",
      t.seen,
      "Alice will have seen the change on this page.\n\nEdited.\n",
      "Edit Alice has already seen",
    ),
  );
  steps.push({ op: "markSeen", user: "Alice", titles: [t.seen] });
  steps.push({ op: "expireWatch", user: "Alice", title: t.expired, expiry: "20200101000000" });
  steps.push({ op: "runJobs" });
  // the categorize row (made by CategoryMembershipChangeJob) exists once the job queue ran
  steps.push({
    op: "derived",
    label: "categorize",
    note: `${t.categoryMember} was added to ${t.category}`,
    expect: E({ kind: "categorize", rcType: "categorize", rcTitle: t.category, user: "Editor", alice: true }),
  });
  return steps;
}

/** Small benchmark wiki: 10 watched pages, each created then edited twice; Bob watches 3. */
function smallPlan(): SeedStep[] {
  const titles = Array.from({ length: 10 }, (_, i) => `Bench Page ${pad(i + 1)}`);
  const steps: SeedStep[] = [
    { op: "watch", user: "Alice", titles },
    { op: "watch", user: "Bob", titles: titles.slice(0, 3) },
  ];
  for (const [i, title] of titles.entries()) {
    const bob = i < 3;
    steps.push({
      op: "edit",
      label: `bench-${pad(i + 1)}-create`,
      user: "Editor",
      title,
      text: `Bench page ${i + 1}.\n`,
      summary: "Create bench page",
      create: true,
      expect: { kind: "bulk", rcType: "new", rcTitle: title, user: "Editor", alice: true, bob },
    });
  }
  for (let round = 1; round <= 2; round++) {
    for (const [i, title] of titles.entries()) {
      const bob = i < 3;
      const bot = round === 2 && i % 2 === 0;
      steps.push({
        op: "edit",
        label: `bench-${pad(i + 1)}-edit${round}`,
        user: bot ? "BotUser" : "Editor",
        title,
        text: `Bench page ${i + 1}.\n\nRound ${round}.\n`,
        summary: `Bench edit round ${round}`,
        bot,
        expect: {
          kind: bot ? "bot" : "edit",
          rcType: "edit",
          rcTitle: title,
          user: bot ? "BotUser" : "Editor",
          alice: true,
          bob,
          ...(bot ? { bot: true } : {}),
        },
      });
    }
  }
  return steps;
}

/**
 * The right-to-left wiki's titles: Hebrew mixed with Latin words and digits, the strings that scramble their
 * neighbours when shown without bidi isolation (a trailing Latin word after parentheses, digits beside Hebrew).
 */
export const TITLES_HE = {
  main: "דף הבדיקה של Watchdeck",
  mainTalk: "שיחה:דף הבדיקה של Watchdeck",
  parens: "תל אביב (עיר) Jaffa",
  digits: "גרסה 2.0 של MediaWiki",
  moveFrom: "העבר אותי",
  moveTo: "הדף שהועבר (2026) Moved",
} as const;

/** Summaries of the right-to-left wiki's edits, by label: a section link, Latin words, digits, parentheses. */
export const SUMMARIES_HE = {
  "he-section": "/* פסקה */ תיקון typo ב-3 מקומות",
  "he-bot": "Fixed 2 קישורים (links) בדף",
  "he-anon": "עדכון: version 1.39 → 1.40!",
  "he-parens": "/* היסטוריה */ הוספת 3 מקורות (sources) ref",
  "he-digits": "גרסה 2.0 (beta) → 2.1",
  "he-talk": "תגובה ב-12:30 (UTC) ok",
  "he-move": "שם חדש (new name) 2026",
} as const;

/**
 * The right-to-left wiki (aleph, Hebrew): four pages created by Admin, then edits by a user, a bot and an IP
 * on the main page (a grouped row of three changes), one each on the others, a talk page and a move.
 * Alice watches all four; Bob only the main page.
 */
function rtlPlan(): SeedStep[] {
  const t = TITLES_HE;
  const s = SUMMARIES_HE;
  const bob = (title: string) => title === t.main || title === t.mainTalk;
  const steps: SeedStep[] = [];
  for (const title of [t.main, t.parens, t.digits, t.moveFrom]) {
    steps.push({
      op: "edit",
      label: `setup:${title}`,
      user: "Admin",
      title,
      text: `${title}.\n`,
      summary: "יצירת דף (setup)",
      create: true,
      expect: { kind: "setup-create", rcType: "new", rcTitle: title, user: "Admin", alice: true, bob: bob(title) },
    });
  }
  steps.push({ op: "watch", user: "Alice", titles: [t.main, t.parens, t.digits, t.moveFrom] });
  steps.push({ op: "watch", user: "Bob", titles: [t.main] });
  const edit = (
    label: keyof typeof SUMMARIES_HE,
    kind: ChangeKind,
    user: Actor,
    title: string,
    text: string,
    extra: { minor?: boolean; bot?: boolean; create?: boolean } = {},
  ): SeedStep => ({
    op: "edit",
    label,
    user,
    title,
    text,
    summary: s[label],
    ...extra,
    expect: {
      kind,
      rcType: extra.create ? "new" : "edit",
      rcTitle: title,
      user: user === "anon" ? "127.0.0.1" : user,
      alice: true,
      bob: bob(title),
      ...(extra.minor ? { minor: true } : {}),
      ...(extra.bot ? { bot: true } : {}),
      ...(user === "anon" ? { anon: true } : {}),
    },
  });
  steps.push(
    edit("he-section", "edit", "Editor", t.main, `${t.main}.\n\n== פסקה ==\nטקסט 1.\n`),
    edit("he-bot", "bot", "BotUser", t.main, `${t.main}.\n\n== פסקה ==\nטקסט 2.\n`, { bot: true }),
    edit("he-anon", "anon", "anon", t.main, `${t.main}.\n\n== פסקה ==\nטקסט 3.\n`),
    edit("he-parens", "edit", "Editor", t.parens, `${t.parens}.\n\n== היסטוריה ==\nמקורות.\n`),
    edit("he-digits", "minor", "Editor", t.digits, `${t.digits}.\n\nגרסה 2.1.\n`, { minor: true }),
    edit("he-talk", "talk", "Editor", t.mainTalk, "תגובה. ~~~~\n", { create: true }),
  );
  steps.push({
    op: "move",
    label: "he-move",
    user: "Admin",
    from: t.moveFrom,
    to: t.moveTo,
    reason: s["he-move"],
    expect: {
      kind: "move",
      rcType: "log",
      rcTitle: t.moveFrom,
      user: "Admin",
      alice: true,
      bob: false,
      logtype: "move",
      logaction: "move",
    },
  });
  return steps;
}

/** Expected rows, with the label of the seed step, for a watcher (wlallrev=1 semantics). */
export function expectedChanges(wikiKey: string, watcher: "Alice" | "Bob"): Array<Expect & { label: string }> {
  const out: Array<Expect & { label: string }> = [];
  for (const step of seedPlan(wikiKey)) {
    if (step.op === "bulk") {
      if (!step.watchers.includes(watcher)) continue;
      for (let n = 1; n <= step.count; n++) {
        const title = bulkTitle(step.prefix, n);
        out.push({
          label: `bulk-${pad(n)}`,
          kind: "bulk",
          rcType: "new",
          rcTitle: title,
          user: step.user,
          alice: step.watchers.includes("Alice"),
          bob: step.watchers.includes("Bob"),
          ...(step.bot ? { bot: true } : {}),
        });
      }
      continue;
    }
    if ("expect" in step && step.expect && step.label) {
      if (watcher === "Alice" ? step.expect.alice : step.expect.bob) out.push({ label: step.label, ...step.expect });
    }
  }
  return out;
}

/** Hash identifying the plan (changes force a reseed of cached wikis). */
export function planHash(wikiKey: string): string {
  return createHash("sha1")
    .update(JSON.stringify(seedPlan(wikiKey)))
    .digest("hex")
    .slice(0, 12);
}
