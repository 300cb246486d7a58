import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { signIn } from "@/test/support/appSession";
import { startAppServer } from "@/test/support/productionServer";
import type { BenchSection } from "../run";
import type { BenchTable } from "../table";
import { SCREEN_EMAIL, SCREEN_PASSWORD, seedScreen } from "./screen/seedScreen";
import { percentile } from "./timeline/percentile";

const CHANGES = Number(process.env.BENCH_SCREEN_CHANGES ?? 1500);
const RUNS = Number(process.env.BENCH_SCREEN_RUNS ?? 7);
/** Where the section leaves its screenshots of the first screen, to look at. */
const SHOTS = path.join("test-results", "screenshots");
const VIEWPORT = { width: 1280, height: 900 };

/** Changes whose line is wholly inside the window; a page group's line counts its changes, as Special:Watchlist's does. */
function fullyVisibleChanges(page: Page): Promise<{ lines: number; changes: number }> {
  return page.evaluate(() => {
    const rows = [
      ...document.querySelectorAll<HTMLElement>('ol[aria-label="Changes"] > li, ol[aria-label="Changed pages"] > li'),
    ];
    let lines = 0;
    let changes = 0;
    for (const row of rows) {
      const line = row.querySelector(".tl-line")!.getBoundingClientRect();
      if (line.top < 0 || line.bottom > window.innerHeight) continue;
      lines++;
      changes += Number(/^\((\d+) changes/.exec(row.querySelector(".tl-links")?.textContent ?? "")?.[1] ?? 1);
    }
    return { lines, changes };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The timeline screen as an editor meets it, in Chromium at 1280×900 against the production build: how many
 * changes the first screen shows, the HTML of a 50-row page, the JavaScript the page loads, and the time from
 * asking for the page to the first change on screen.
 */
export const screenSection: BenchSection = async ({ db, log }) => {
  const databaseUrl = await db.fresh("screen");
  await seedScreen(databaseUrl, CHANGES);
  log(`screen: seeded ${CHANGES} changes on 3 wikis`);
  const app = await startAppServer(databaseUrl);
  const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const session = await signIn(app.baseUrl, SCREEN_EMAIL, SCREEN_PASSWORD);
    mkdirSync(SHOTS, { recursive: true });
    const html = async (query: string, name: string) => {
      const response = await session.get(`/${query}`);
      if (response.status !== 200) throw new Error(`/${query} answered ${response.status}`);
      const body = response.body;
      // Kept beside the screenshots, to see where a page's bytes go.
      writeFileSync(path.join(SHOTS, `bench-screen-${name}.html`), body);
      const rows = (body.match(/<li class="tl-row/g) ?? []).length;
      // Where the bytes go: the list's markup, and React's data for the page (the flight scripts).
      const list = /<ol class="tl-list"[\s\S]*?<\/ol>(?=<p|<dialog|<\/main)/.exec(body)?.[0] ?? "";
      const flight = (body.match(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g) ?? []).join("");
      return {
        bytes: Buffer.byteLength(body),
        gzip: gzipSync(body).length,
        rows,
        list: Buffer.byteLength(list),
        flight: Buffer.byteLength(flight),
      };
    };
    const changesHtml = await html("", "compact");
    const groupedHtml = await html("?group=1", "grouped");

    const context = await browser.newContext({ viewport: VIEWPORT });
    const { hostname } = new URL(app.baseUrl);
    await context.addCookies(
      session.cookieHeader.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: "/" };
      }),
    );
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.body().catch(() => null);
      if (body) scripts.set(response.url(), body.length);
    });
    await page.goto(app.baseUrl, { waitUntil: "networkidle" });
    const compact = await fullyVisibleChanges(page);
    await page.screenshot({ path: path.join(SHOTS, "bench-screen-compact.png") });
    const jsBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
    await page.goto(`${app.baseUrl}/?group=1`, { waitUntil: "networkidle" });
    const grouped = await fullyVisibleChanges(page);
    await page.screenshot({ path: path.join(SHOTS, "bench-screen-grouped.png") });

    // Time to first change: from asking for the page to its first row painted, scripts and styles cached.
    const firstChange: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const started = performance.now();
      await page.goto(app.baseUrl, { waitUntil: "commit" });
      await page.locator('ol[aria-label="Changes"] > li').first().waitFor({ state: "visible" });
      if (run > 0) firstChange.push(performance.now() - started);
    }
    await context.close();

    const table: BenchTable = {
      title: `screen: the timeline at 1280×900 in Chromium, production build, 1 account with 3 wikis and ${CHANGES.toLocaleString("en")} changes`,
      columns: ["measure", "value", "target"],
      rows: [
        ["changes fully visible on the first screen (one line each)", compact.changes, ">= 20"],
        [`  … grouped by page (${grouped.lines} lines)`, grouped.changes, ""],
        [`timeline HTML, first page of 50 (${changesHtml.rows} rows as markup)`, kb(changesHtml.bytes), "<= 60 KB"],
        ["  … of it the list's markup", kb(changesHtml.list), ""],
        ["  … of it React's data for the page (rows, bar, layout)", kb(changesHtml.flight), ""],
        ["  … gzipped as sent", kb(changesHtml.gzip), ""],
        [`timeline HTML grouped, 50 pages (${groupedHtml.rows} as markup)`, kb(groupedHtml.bytes), ""],
        [`JavaScript loaded by the page (${scripts.size} files, uncompressed)`, kb(jsBytes), ""],
        [`time to first change p50 (${RUNS} loads)`, `${percentile(firstChange, 50).toFixed(0)} ms`, ""],
        ["time to first change p95", `${percentile(firstChange, 95).toFixed(0)} ms`, ""],
      ],
      notes: [
        `targets ${compact.changes >= 20 ? "met" : "NOT met"} (first screen) and ${changesHtml.bytes <= 60 * 1024 ? "met" : "NOT met"} (HTML)`,
        `screenshots and HTML: ${SHOTS}/bench-screen-{compact,grouped}.{png,html}`,
      ],
    };
    return [table];
  } finally {
    await browser.close();
    await app.stop();
  }
};
