import { describe, expect, it } from "vitest";
import type { TimelineSite } from "@/lib/timeline/timelineEntry";
import { hostileLogEntry, hostileTimelineEntry } from "@/test/support/hostileTimelineEntry";
import { type FeedDocument, feedItemOf } from "./feedDocument";
import { buildAtom, buildRss } from "./feedXml";

const beta: TimelineSite = {
  id: "site-2",
  name: "Beta Wiki",
  server: "https://beta.example",
  articlePath: "/wiki/$1",
  scriptPath: "/w",
  lang: "de",
  rtl: false,
};

// One change of each shape a feed item can take: kinds, hidden parts, namespaces, summaries stored or sanitised on the way out.
const entries = [
  hostileTimelineEntry(),
  hostileLogEntry(),
  hostileTimelineEntry({
    changeId: 43n,
    site: beta,
    kind: "new",
    namespace: 0,
    title: "Neue Seite",
    revId: 11n,
    oldRevId: null,
    isNew: true,
    user: "Ünïcödé 日本語",
    summaryHtml: "<i>stored</i> &amp; sanitised",
  }),
  hostileTimelineEntry({
    changeId: 44n,
    site: beta,
    namespace: 0,
    title: "Seite",
    revId: 12n,
    oldRevId: 0n,
    user: null,
    userHidden: true,
    comment: null,
    parsedComment: null,
    commentHidden: true,
    summaryHtml: null,
  }),
  hostileTimelineEntry({
    changeId: 45n,
    site: beta,
    kind: "categorize",
    namespace: 14,
    title: "Kategorie:Sachen",
    revId: 13n,
    oldRevId: 12n,
    summaryHtml: "",
  }),
  hostileTimelineEntry({
    changeId: 46n,
    site: beta,
    kind: "log",
    namespace: null,
    title: "Benutzer:192.0.2.1",
    revId: null,
    oldRevId: null,
    logId: null,
    logType: "block",
    logAction: "block",
    anon: true,
    user: "192.0.2.1",
  }),
  hostileTimelineEntry({
    changeId: 47n,
    site: beta,
    kind: "log",
    namespace: 2,
    title: "NoColon",
    revId: null,
    oldRevId: null,
    logId: 8n,
    logType: null,
    logAction: null,
  }),
  hostileTimelineEntry({
    changeId: 48n,
    site: beta,
    kind: "external",
    namespace: 0,
    title: "Extern",
    revId: null,
    oldRevId: null,
  }),
  hostileTimelineEntry({
    changeId: 49n,
    site: beta,
    namespace: 1,
    title: ":Leading colon",
    revId: 14n,
    oldRevId: 13n,
    timestamp: new Date("2026-11-23T10:57:41.123Z"),
  }),
];

const feed: FeedDocument = {
  id: "urn:watchdeck:feed:2b9c7c1e-0000-4000-8000-000000000001",
  language: "en",
  authorRemoved: "(username removed)",
  title: "Watchdeck: Everything",
  description: "Changes to watched pages on your linked wikis",
  selfUrl: "https://watchdeck.example/feed/wdf_secret.rss",
  pageUrl: "https://watchdeck.example/",
  updated: entries[0]!.timestamp,
  items: entries.map((entry) => feedItemOf(entry)),
};

// The files were written by the feed code before it built items from the timeline entry
// (it went through the browser's row view then): the export must not change by a byte.
describe("a feed of the same changes", () => {
  it("is the same RSS, byte for byte", async () => {
    await expect(buildRss(feed)).toMatchFileSnapshot("./testdata/changes.rss");
  });

  it("is the same Atom, byte for byte", async () => {
    await expect(buildAtom(feed)).toMatchFileSnapshot("./testdata/changes.atom");
  });
});
