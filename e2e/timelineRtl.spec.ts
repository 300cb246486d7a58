import { mkdirSync } from "node:fs";
import { expect, type Locator, type Page, type TestInfo, test } from "@playwright/test";
import { TITLES_HE } from "../test/mediawiki/seedPlan";
import { makeEdit } from "../test/mediawiki/wikiActions";
import { newAccount, register, signIn } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { timelineRows, waitForFirstSync } from "./support/timeline";

// Issue 24: a right-to-left wiki's rows beside left-to-right ones. aleph is the fixture's Hebrew wiki, delta a
// small English one. Every field that comes from a wiki is its own isolate in that wiki's direction and
// language; the rows' own words stay left to right.
test.describe.configure({ timeout: 180_000 });

const account = newAccount("rtl");
const SHOTS = "test-results/screenshots";
const ALEPH = "ויקי אלף";
const DELTA = "Delta Wiki";

// Made by the test, so they are the newest rows and fall on one day whenever the fixture was seeded; numbered
// by the run, as the wiki keeps the edits of earlier runs. `shown`: what the summary shows (the wiki links a
// section: "/* פסקה */" becomes "←פסקה:").
const RUN = String(Date.now() % 1_000_000);
const HEBREW_EDITS = [
  ["Editor", TITLES_HE.main, "/* פסקה */ ", `עדכון ${RUN} (two) שורות`],
  ["Bob", TITLES_HE.parens, "", `Fix של ${RUN} קישורים (links) ok`],
  ["BotUser", TITLES_HE.main, "", `שחזור לגרסה ${RUN} (v5) Revert`],
].map(([user, title, section, shown]) => ({
  user: user as "Editor" | "Bob" | "BotUser",
  title: title!,
  summary: `${section}${shown}`,
  shown: shown!,
}));

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

interface Isolate {
  field: string;
  text: string;
  dir: string | null;
  lang: string | null;
  unicodeBidi: string;
  direction: string;
}

/** Each wiki field of each given row: its text, attributes and computed bidi, as the browser lays it out. */
function fieldsOf(rows: Locator) {
  return rows.evaluateAll((rows) =>
    rows.map((row) => {
      const fields: Record<string, string> = {
        title: ":scope > .tl-line .tl-title",
        user: ":scope > .tl-line .tl-user > a:first-child, :scope > .tl-line .tl-log > a:first-child",
        summary: ":scope > .tl-line .tl-summary",
      };
      const isolates: Isolate[] = [];
      for (const [field, selector] of Object.entries(fields)) {
        const el = row.querySelector<HTMLElement>(selector);
        if (!el) continue;
        const style = getComputedStyle(el);
        isolates.push({
          field,
          text: el.textContent ?? "",
          dir: el.getAttribute("dir"),
          // The language it is read in: its own, or (left out where it is the interface's) the page's.
          lang: el.closest("[lang]")?.getAttribute("lang") ?? null,
          unicodeBidi: style.unicodeBidi,
          direction: style.direction,
        });
      }
      const line = row.querySelector<HTMLElement>(":scope > .tl-line")!;
      return {
        label: row.getAttribute("aria-label") ?? "",
        lineDirection: getComputedStyle(line).direction,
        isolates,
      };
    }),
  );
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await register(page, account);
  await linkWikiWithBotPassword(page, "delta", "Alice@watchdeck");
  await linkWikiWithBotPassword(page, "aleph", "Alice@watchdeck");
  // Hebrew and English edits interleaved, newest first in the timeline.
  for (const [i, edit] of HEBREW_EDITS.entries()) {
    await makeEdit("aleph", {
      title: edit.title,
      summary: edit.summary,
      user: edit.user,
      appendtext: `\nשורה ${i + 1} (line ${i + 1}).`,
    });
    await makeEdit("delta", {
      title: `Bench Page 00${i + 1}`,
      appendtext: `\nLine ${i + 1}.`,
      summary: `English edit ${i + 1} (plain)`,
    });
  }
  await waitForFirstSync(page, [DELTA, ALEPH]);
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, account);
});

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("right-to-left rows beside left-to-right ones: each wiki field isolated in its wiki's direction", async ({
      page,
    }, testInfo) => {
      await expect(timelineRows(page).first()).toBeVisible();
      const rows = await fieldsOf(timelineRows(page));
      const hebrew = rows.filter((r) => r.label.endsWith(`— ${ALEPH}`));
      const english = rows.filter((r) => r.label.endsWith(`— ${DELTA}`));
      expect(hebrew.length).toBeGreaterThanOrEqual(HEBREW_EDITS.length);
      expect(english.length).toBeGreaterThanOrEqual(3);
      for (const row of [...hebrew, ...english]) {
        // The row's own words (time, diff | hist, size) keep the interface's direction.
        expect(row.lineDirection, row.label).toBe("ltr");
        expect(row.isolates.map((i) => i.field)).toEqual(expect.arrayContaining(["title", "user"]));
        const rtl = hebrew.includes(row);
        for (const field of row.isolates) {
          expect(field, `${row.label}: ${field.field}`).toMatchObject({
            dir: rtl ? "rtl" : "ltr",
            lang: rtl ? "he" : "en",
            unicodeBidi: "isolate",
            direction: rtl ? "rtl" : "ltr",
          });
        }
      }
      const summaries = hebrew.flatMap((r) => r.isolates.filter((i) => i.field === "summary").map((i) => i.text));
      for (const edit of HEBREW_EDITS) expect(summaries.filter((text) => text.includes(edit.shown))).toHaveLength(1);
      await keepScreenshot(page, testInfo, `timeline-rtl-${name}`);
    });

    test("a right-to-left page group: each change's fields in their own isolates, none inside another's", async ({
      page,
    }, testInfo) => {
      await page.goto("/?group=1");
      const group = page
        .locator('ol[aria-label="Changed pages"] > li.tl-grp')
        .filter({ has: page.locator(".tl-title", { hasText: TITLES_HE.main }) })
        .first();
      await expect(group).toBeVisible();
      const [head] = await fieldsOf(group);
      expect(head!.lineDirection).toBe("ltr");
      expect(head!.isolates.find((i) => i.field === "title")).toMatchObject({ dir: "rtl", lang: "he" });
      const users = await group
        .locator(":scope > .tl-line .tl-user bdi")
        .evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute("dir"), el.getAttribute("lang")]));
      expect(users.length).toBeGreaterThanOrEqual(2);
      for (const [, dir, lang] of users) expect([dir, lang]).toEqual(["rtl", "he"]);

      await group.locator(":scope > .tl-line button.tl-exp").click();
      // The changes, not the "Loading…" line the list holds until they come.
      const kids = group.locator(".tl-kids > li.tl-row");
      await expect(kids.first()).toBeVisible();
      const changes = await fieldsOf(kids);
      expect(changes.length).toBeGreaterThanOrEqual(2);
      const texts: string[] = [];
      for (const change of changes) {
        for (const field of change.isolates) {
          expect(field, `${change.label}: ${field.field}`).toMatchObject({
            dir: "rtl",
            lang: "he",
            unicodeBidi: "isolate",
          });
          if (field.field === "summary") texts.push(field.text);
        }
      }
      // Each change's summary is in its own element, and no element holds another change's text.
      const ours = HEBREW_EDITS.filter((e) => e.title === TITLES_HE.main).map((e) => e.shown);
      for (const shown of ours)
        expect(
          texts.filter((text) => text.includes(shown)),
          shown,
        ).toHaveLength(1);
      // No isolate inside another: each field's element holds no other field's element.
      const nested = await group
        .locator(".tl-kids > li")
        .evaluateAll(
          (items) =>
            items.flatMap((li) =>
              [...li.querySelectorAll(".tl-title, .tl-user > a:first-child, .tl-summary")].filter(
                (el) => el.parentElement?.closest(".tl-title, .tl-user > a:first-child, .tl-summary") !== null,
              ),
            ).length,
        );
      expect(nested).toBe(0);
      await keepScreenshot(page, testInfo, `timeline-rtl-grouped-${name}`);
    });
  });
}
