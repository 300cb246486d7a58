import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type RowViewContext, toTimelineRowView } from "@/lib/timeline/timelineRowView";
import { hostileTimelineEntry } from "@/test/support/hostileTimelineEntry";
import { inspectHtml } from "@/test/support/htmlInspection";
import { inEnglish } from "@/test/support/inEnglish";
import { TimelineRow } from "./TimelineRow";

const ctx: RowViewContext = { viewerUserId: "user-1", timeZone: "UTC", now: new Date("2026-11-23T11:00:00Z") };
const row = toTimelineRowView(hostileTimelineEntry(), ctx);
const render = (props: Partial<Parameters<typeof TimelineRow>[0]>) =>
  inspectHtml(`<ol>${renderToStaticMarkup(inEnglish(createElement(TimelineRow, { row, ...props })))}</ol>`);
const item = (html: ReturnType<typeof inspectHtml>) => html.elements.find((e) => e.tag === "li")!;

describe("a timeline row's highlights", () => {
  it("tint the row and name every rule that matched, for screen readers", () => {
    const html = render({
      marks: [
        { color: "c2", name: "Talk pages" },
        { color: "c5", name: "Big <changes>" },
      ],
    });
    expect(item(html).attributes.class).toContain("c2");
    expect(html.text).toContain("highlighted: Talk pages, Big <changes>");
    expect(
      html.elements.filter((e) => e.attributes["aria-hidden"] === "true" && /dot/.test(e.attributes.class ?? "")),
    ).toHaveLength(2);
  });

  it("leave a row no rule matched as it was", () => {
    const plain = render({});
    expect(plain.text).not.toContain("highlighted");
    expect(render({ marks: [] })).toEqual(plain);
  });
});

describe("a timeline row's inline diff", () => {
  const diff = (open: boolean) => ({
    diff: { open, toggle: () => undefined },
    children: open ? createElement("section", { id: `diff-${row.id}` }) : undefined,
  });

  it("is a disclosure button named after the page, closed at first, controlling the panel once open", () => {
    const closed = render(diff(false));
    const button = closed.elements.find((e) => e.tag === "button" && e.attributes["aria-expanded"] !== undefined)!;
    expect(button.attributes).toMatchObject({ "aria-expanded": "false", "aria-label": `Show diff of ${row.title}` });
    expect(button.attributes["aria-controls"]).toBeUndefined();
    expect(closed.elements.some((e) => e.attributes.id === `diff-${row.id}`)).toBe(false);

    const open = render(diff(true));
    const shown = open.elements.find((e) => e.tag === "button" && e.attributes["aria-expanded"] === "true")!;
    expect(shown.attributes["aria-controls"]).toBe(`diff-${row.id}`);
    expect(open.elements.find((e) => e.attributes.id === `diff-${row.id}`)?.ancestors).toContain("li");
  });

  it("is absent where the change has no diff", () => {
    expect(render({}).elements.some((e) => e.attributes["aria-expanded"] !== undefined)).toBe(false);
  });
});
