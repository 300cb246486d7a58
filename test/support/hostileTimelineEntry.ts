import type { TimelineEntry, TimelineSite } from "@/lib/timeline/timelineEntry";

/**
 * A change whose every piece of text a wiki (or a user naming things) controls
 * is an attempt at script injection, for the tests of what the timeline and
 * the feeds render.
 */

export const HOSTILE_SITE: TimelineSite = {
  id: "site-1",
  name: 'Alpha <script>alert("site")</script> Wiki',
  server: "https://alpha.example",
  articlePath: "/wiki/$1",
  scriptPath: "/w",
  lang: "en",
  rtl: false,
};

export const HOSTILE_TEXT = {
  title: 'Talk:<script>alert("title")</script> &lt;b&gt; <img src=x onerror=alert(1)>',
  user: '"><svg onload=alert("user")>',
  tags: ["<img src=x onerror=alert('tag')>", "javascript:alert(1)", "&#x3C;script&#x3E;"],
  logType: "<script>alert('logtype')</script>",
  logAction: '<a href="javascript:alert(1)">move</a>',
  displayName: '<b onclick="alert(1)">Alpha</b>',
  comment: "<script>alert('comment')</script>",
};

/** Links a wiki may write in parsedcomment, by their text: where each must point once rendered (null: nowhere). */
export const SUMMARY_LINKS: Record<string, string | null> = {
  "section link": "https://alpha.example/wiki/Target#Section",
  "red link": "https://alpha.example/w/index.php?title=Missing&action=edit&redlink=1",
  "interwiki link": "https://de.wikipedia.example/wiki/Ziel",
  "external link": "https://other.example/page",
  "protocol-relative elsewhere": "https://evil.example/x",
  "javascript link": null,
  "mixed-case javascript link": null,
  "entity-encoded javascript link": null,
  "tab-split javascript link": null,
  "newline-split javascript link": null,
  "space-led javascript link": null,
  "data link": null,
  "vbscript link": null,
};

export const HOSTILE_SUMMARY = [
  '<span dir="auto"><span class="autocomment"><a href="/wiki/Target#Section" title="Target">section link</a>: </span></span>',
  '<a href="/w/index.php?title=Missing&amp;action=edit&amp;redlink=1" class="new">red link</a>',
  '<a href="//de.wikipedia.example/wiki/Ziel" class="extiw">interwiki link</a>',
  '<a rel="nofollow" class="external text" href="https://other.example/page">external link</a>',
  '<a href="//evil.example/x">protocol-relative elsewhere</a>',
  '<a href="javascript:alert(1)">javascript link</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed-case javascript link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entity-encoded javascript link</a>',
  '<a href="java&#x09;script:alert(1)">tab-split javascript link</a>',
  '<a href="java&#x0A;script:alert(1)">newline-split javascript link</a>',
  '<a href=" &#x20;javascript:alert(1)">space-led javascript link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="vbscript:msgbox(1)">vbscript link</a>',
  "<script>alert('summary')</script>",
  "<img src=x onerror=alert('img')>",
  "<svg onload=alert('svg')><circle r=1 /></svg>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<span onmouseover="alert(1)" style="background:url(javascript:alert(1))">hover me</span>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">press</button></form>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert('noscript')>\"></p></noscript>",
  '<a href="https://alpha.example/" onclick="alert(1)">clickable</a>',
  "&lt;script&gt;shown as text&lt;/script&gt;",
].join(" ");

export function hostileTimelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  // A cast rather than a full literal, so a field added to TimelineEntry later does not break these tests.
  return {
    changeId: 42n,
    site: HOSTILE_SITE,
    watchers: [
      {
        linkId: "link-1",
        userId: "user-1",
        displayName: HOSTILE_TEXT.displayName,
        color: "#3366cc",
        wikiUsername: "Alice",
        unread: true,
        watchExpiry: null,
      },
    ],
    kind: "edit",
    namespace: 1,
    title: HOSTILE_TEXT.title,
    pageId: 5n,
    revId: 10n,
    oldRevId: 9n,
    logId: null,
    logType: null,
    logAction: null,
    logParams: null,
    user: HOSTILE_TEXT.user,
    userHidden: false,
    anon: false,
    comment: HOSTILE_TEXT.comment,
    parsedComment: HOSTILE_SUMMARY,
    commentHidden: false,
    timestamp: new Date("2026-11-23T10:57:41Z"),
    oldLength: 10,
    newLength: 700,
    minor: true,
    bot: false,
    isNew: false,
    tags: HOSTILE_TEXT.tags,
    unread: true,
    ...overrides,
  } as TimelineEntry;
}

/** The same change as a log entry with hostile log type, action and parameters. */
export function hostileLogEntry(): TimelineEntry {
  return hostileTimelineEntry({
    kind: "log",
    revId: null,
    oldRevId: null,
    logId: 7n,
    logType: HOSTILE_TEXT.logType,
    logAction: HOSTILE_TEXT.logAction,
    logParams: {
      target_title: "<script>alert('param')</script>",
      details: [{ "<img src=x onerror=alert(1)>": "javascript:alert(1)" }],
    },
  });
}
