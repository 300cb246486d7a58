import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import { type RowViewContext, toTimelineRowView } from "@/lib/timeline/timelineRowView";
import {
  HOSTILE_SITE,
  HOSTILE_TEXT,
  hostileLogEntry,
  hostileTimelineEntry,
  SUMMARY_LINKS,
} from "@/test/support/hostileTimelineEntry";
import { executableMarkup, inspectHtml } from "@/test/support/htmlInspection";
import { inEnglish } from "@/test/support/inEnglish";
import { PageGroupRow } from "./PageGroupRow";
import { TimelineRow } from "./TimelineRow";

const ctx: RowViewContext = { viewerUserId: "user-1", timeZone: "UTC", now: new Date("2026-11-23T11:00:00Z") };

/** One row as the timeline page renders it: entry → row view (summary sanitised there) → component. */
function render(entry: TimelineEntry, props: Partial<Parameters<typeof TimelineRow>[0]> = {}): string {
  return renderToStaticMarkup(inEnglish(createElement(TimelineRow, { row: toTimelineRowView(entry, ctx), ...props })));
}

/** A page group of two changes by `users`, as group-by-page renders it. */
function renderGroup(entry: TimelineEntry, users: string[]): string {
  const head = toTimelineRowView(entry, ctx);
  const group = {
    head,
    count: 2,
    users: users.map((name) => ({ name, count: 1 })),
    sizeDelta: 10,
    diffUrl: head.diffUrl,
    flags: head.flags,
    unread: head.unread,
    listed: 2,
    changes: [head, { ...head, id: "2" }],
  };
  return renderToStaticMarkup(inEnglish(createElement(PageGroupRow, { group })));
}

describe("a timeline row whose every text is script injection", () => {
  const edit = render(hostileTimelineEntry());
  const log = render(hostileLogEntry());
  const grouped = renderGroup(hostileTimelineEntry(), [HOSTILE_TEXT.user, "<script>alert('grouped')</script>"]);
  const team = render(hostileTimelineEntry(), { watcherNames: { "user-1": "<img src=x onerror=alert('member')>" } });

  it.each([
    ["an edit", edit],
    ["a log entry", log],
    ["a page group", grouped],
    ["a team row", team],
  ])("renders %s without anything a browser would run", (_what, html) => {
    expect(executableMarkup(html)).toEqual([]);
  });

  it("shows the title, user, tags, wiki label and log type as the text they are", () => {
    const { text } = inspectHtml(edit);
    for (const shown of [HOSTILE_TEXT.title, HOSTILE_TEXT.user, ...HOSTILE_TEXT.tags, HOSTILE_TEXT.displayName])
      expect(text).toContain(shown);
    expect(inspectHtml(log).text).toContain(`log: ${HOSTILE_TEXT.logType}/${HOSTILE_TEXT.logAction}`);
    expect(inspectHtml(log).text).toContain(
      `${HOSTILE_TEXT.user} performed ${HOSTILE_TEXT.logType}/${HOSTILE_TEXT.logAction} on ${HOSTILE_TEXT.title}`,
    );
    expect(inspectHtml(grouped).text).toContain(`[${HOSTILE_TEXT.user}; <script>alert('grouped')</script>]`);
    expect(inspectHtml(team).text).toContain("watched by <img src=x onerror=alert('member')>");
  });

  it("says a log entry's parameters as text, and links its names on the change's wiki only", () => {
    const moved = render(
      hostileTimelineEntry({
        kind: "log",
        revId: null,
        oldRevId: null,
        logId: 9n,
        logType: "move",
        logAction: "move",
        logParams: { target_title: "<script>alert('moved')</script>" },
      }),
    );
    expect(executableMarkup(moved)).toEqual([]);
    const sentence = inspectHtml(moved).elements.find((e) => e.attributes.class === "tl-log")!;
    expect(sentence.text).toBe(
      `${HOSTILE_TEXT.user} moved page ${HOSTILE_TEXT.title} to <script>alert('moved')</script>`,
    );
    const links = inspectHtml(moved).elements.filter((e) => e.tag === "a" && e.ancestorClasses.includes("tl-log"));
    expect(links).toHaveLength(3);
    for (const a of links) expect(new URL(a.attributes.href!).origin).toBe(HOSTILE_SITE.server);
  });

  it("keeps the summary's text, markup in it shown as text", () => {
    const summary = inspectHtml(edit).elements.find((e) => e.attributes.class === "tl-summary")!;
    for (const label of Object.keys(SUMMARY_LINKS)) expect(summary.text).toContain(label);
    expect(summary.text).toContain("hover me");
    expect(summary.text).toContain("<script>shown as text</script>");
  });

  it("points every summary link at the right place: the change's wiki for its own links, nowhere for a script", () => {
    const links = inspectHtml(edit).elements.filter((e) => e.tag === "a" && e.ancestorClasses.includes("tl-summary"));
    const byText = Object.fromEntries(links.map((a) => [a.text, a.attributes.href ?? null]));
    for (const [label, href] of Object.entries(SUMMARY_LINKS)) expect(byText[label], label).toBe(href);
    for (const a of links.filter((l) => l.attributes.href)) expect(a.attributes.rel).toBe("nofollow noreferrer");
  });

  it("links the page, its history, the diff, the log entry and the user on the change's wiki only", () => {
    for (const html of [edit, log]) {
      const rowLinks = inspectHtml(html).elements.filter(
        (e) => e.tag === "a" && !e.ancestorClasses.includes("tl-summary"),
      );
      expect(rowLinks.length).toBeGreaterThanOrEqual(4);
      for (const a of rowLinks) expect(new URL(a.attributes.href!).origin).toBe(HOSTILE_SITE.server);
    }
    const title = inspectHtml(edit).elements.find((e) => e.attributes.class === "tl-title")!;
    expect(decodeURIComponent(new URL(title.attributes.href!).pathname)).toBe(
      `/wiki/${HOSTILE_TEXT.title.replace(/ /g, "_")}`,
    );
  });
});

describe("a timeline row whose names carry right-to-left text and overrides", () => {
  const override = "\u202Egnp.exe";
  const entry = hostileTimelineEntry({ title: `مقالة ${override}`, user: `${override} משתמש` });
  // HTML's rendering rules make <bdi> and any element with a dir attribute a bidi isolate.
  const isolated = (html: string, text: string) =>
    inspectHtml(html).elements.some((e) => (e.tag === "bdi" || e.attributes.dir !== undefined) && e.text === text);

  it("isolates the title, the user, the summary and the wiki label, so none can reorder the text around it", () => {
    const html = render(entry);
    expect(isolated(html, `مقالة ${override}`)).toBe(true);
    expect(isolated(html, `${override} משתמש`)).toBe(true);
    expect(isolated(html, HOSTILE_TEXT.displayName)).toBe(true);
    // In the wiki's content direction (this one is left to right), as MediaWiki shows a summary.
    expect(inspectHtml(html).elements.find((e) => e.attributes.class === "tl-summary")?.attributes.dir).toBe("ltr");
  });

  it("isolates each name of a page group's users and of a team row's members, one by one", () => {
    const grouped = renderGroup(entry, [override, "Bob"]);
    expect(isolated(grouped, override)).toBe(true);
    expect(isolated(grouped, "Bob")).toBe(true);
    const team = render(entry, { watcherNames: { "user-1": `${override}Eve` } });
    expect(isolated(team, `${override}Eve`)).toBe(true);
  });
});
