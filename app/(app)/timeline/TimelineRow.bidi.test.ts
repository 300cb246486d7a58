import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import { type RowViewContext, toTimelineRowView } from "@/lib/timeline/timelineRowView";
import { HOSTILE_SITE, hostileTimelineEntry } from "@/test/support/hostileTimelineEntry";
import { inspectHtml } from "@/test/support/htmlInspection";
import { inEnglish } from "@/test/support/inEnglish";
import { PageGroupRow } from "./PageGroupRow";
import { TimelineRow } from "./TimelineRow";

const ctx: RowViewContext = { viewerUserId: "user-1", timeZone: "UTC", now: new Date("2026-11-23T11:00:00Z") };
const HEBREW_SITE = { ...HOSTILE_SITE, name: "ויקי אלף", lang: "he", rtl: true };

// Hebrew beside Latin and digits: without isolation, "(עיר) Jaffa" and "ב-3" pull the row's own words around.
const hebrewEdit = (overrides: Partial<TimelineEntry> = {}) =>
  hostileTimelineEntry({
    site: HEBREW_SITE,
    title: "תל אביב (עיר) Jaffa",
    user: "עורך 2",
    parsedComment: "תיקון typo ב-3 מקומות",
    tags: ["תג-1"],
    ...overrides,
  });

const render = (entry: TimelineEntry) =>
  inspectHtml(renderToStaticMarkup(inEnglish(createElement(TimelineRow, { row: toTimelineRowView(entry, ctx) }))));

/** The element holding exactly `text`, with its dir and lang. */
function holder(elements: ReturnType<typeof inspectHtml>["elements"], text: string) {
  const found = elements.filter((e) => e.text === text && e.attributes.dir !== undefined);
  expect(found, `one isolate holding ${text}`).toHaveLength(1);
  return { tag: found[0]!.tag, dir: found[0]!.attributes.dir, lang: found[0]!.attributes.lang };
}

describe("a right-to-left wiki's row", () => {
  it("isolates the title, user, summary and each tag in the wiki's direction and language", () => {
    const { elements } = render(hebrewEdit());
    expect(holder(elements, "תל אביב (עיר) Jaffa")).toEqual({ tag: "a", dir: "rtl", lang: "he" });
    expect(holder(elements, "עורך 2")).toEqual({ tag: "a", dir: "rtl", lang: "he" });
    expect(holder(elements, "תיקון typo ב-3 מקומות")).toEqual({ tag: "span", dir: "rtl", lang: "he" });
    expect(holder(elements, "תג-1")).toEqual({ tag: "bdi", dir: "rtl", lang: "he" });
  });

  it("keeps the row's own words (time, links, size) out of the wiki's direction", () => {
    const { elements } = render(hebrewEdit());
    for (const cls of ["tl-line", "tl-a", "tl-b", "tl-links", "tl-time"]) {
      const el = elements.find((e) => (e.attributes.class ?? "").split(" ").includes(cls))!;
      expect(el.attributes.dir, cls).toBeUndefined();
      expect(el.attributes.lang, cls).toBeUndefined();
    }
  });

  it("isolates a left-to-right wiki's text as left to right, in its language", () => {
    const { elements } = render(hebrewEdit({ site: { ...HOSTILE_SITE, lang: "de", rtl: false }, title: "Seite" }));
    expect(holder(elements, "Seite")).toEqual({ tag: "a", dir: "ltr", lang: "de" });
  });

  it("isolates a log line's names in the wiki's direction", () => {
    const { elements } = render(
      hebrewEdit({
        kind: "log",
        revId: null,
        oldRevId: null,
        logId: 3n,
        logType: "move",
        logAction: "move",
        logParams: { target_title: "הדף שהועבר (2026) Moved" },
        title: "העבר אותי",
      }),
    );
    // The moved page's old title is the row's title and a name in its sentence: both isolated.
    const old = elements.filter((e) => e.text === "העבר אותי");
    expect(old.map((e) => [e.attributes.dir, e.attributes.lang])).toEqual([
      ["rtl", "he"],
      ["rtl", "he"],
    ]);
    expect(holder(elements, "הדף שהועבר (2026) Moved")).toMatchObject({ dir: "rtl", lang: "he" });
  });

  it("isolates a grouped row's title and each user in the wiki's direction", () => {
    const head = toTimelineRowView(hebrewEdit(), ctx);
    const group = {
      head,
      count: 2,
      users: [
        { name: "עורך 2", count: 1 },
        { name: "BotUser", count: 1 },
      ],
      sizeDelta: 10,
      diffUrl: head.diffUrl,
      flags: head.flags,
      unread: false,
      listed: 2,
      changes: [head, { ...head, id: "2" }],
    };
    const { elements } = inspectHtml(renderToStaticMarkup(inEnglish(createElement(PageGroupRow, { group }))));
    expect(holder(elements, "תל אביב (עיר) Jaffa")).toEqual({ tag: "a", dir: "rtl", lang: "he" });
    expect(holder(elements, "עורך 2")).toEqual({ tag: "bdi", dir: "rtl", lang: "he" });
    expect(holder(elements, "BotUser")).toEqual({ tag: "bdi", dir: "rtl", lang: "he" });
  });
});
