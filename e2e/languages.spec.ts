import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { waitForFirstSync } from "./support/timeline";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const account = newAccount("languages");
const VIEWPORT = { width: 1280, height: 900 };
const SHOTS = "test-results/screenshots";
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await register(page, account);
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki", "Beta Wiki"]);
  signedIn = await context.storageState();
  await context.close();
});

/**
 * The signed-in user's browser set to `locale` (none: Playwright's default, en-US), which Chromium sends as
 * Accept-Language (an Accept-Language set through extraHTTPHeaders did not reach the server's page loads here).
 */
async function browse(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext({
    storageState: signedIn,
    viewport: VIEWPORT,
    ...(locale ? { locale } : {}),
  });
  return context.newPage();
}

/** Elements of the filter bar and the first screen's rows whose text does not fit their box (long German words). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = document.querySelector(".tl-list")!.getBoundingClientRect();
    const cut = [...document.querySelectorAll<HTMLElement>(".tl-bar a, .tl-bar button, .tl-toolbar button")]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `bar: ${el.textContent}`);
    const wide = [...document.querySelectorAll<HTMLElement>(".tl-list > li .tl-a")]
      .filter((el) => el.getBoundingClientRect().right > list.right + 1)
      .map((el) => `row: ${el.textContent}`);
    return [...cut, ...wide];
  });
}

async function setLanguage(page: Page, label: string, value: string, saved: RegExp): Promise<void> {
  await page.goto("/account");
  await page.getByLabel(label).selectOption(value);
  await page
    .getByRole("form", { name: /Language|Idioma|Sprache/ })
    .getByRole("button")
    .click();
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
}

test("without Accept-Language the timeline is in English", async ({ browser }) => {
  const page = await browse(browser);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  await expect(page.locator(".tl-list > li .tl-links").first()).toContainText("hist");
  await page.screenshot({ path: `${SHOTS}/timeline-en.png` });
  await page.context().close();
});

test("Accept-Language: es shows the timeline in Spanish, with MediaWiki's words and Spanish dates", async ({
  browser,
}) => {
  const page = await browse(browser, "es-ES");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cronología");
  await expect(page.getByRole("switch", { name: "Ocultar bots" })).toBeVisible();
  await expect(page.locator(".tl-list > li .tl-links").first()).toContainText("hist");
  await expect(page.locator(".tl-list .tl-ul").first()).toContainText("disc.");
  await expect(page.locator(".tl-day").first()).toHaveText(/^\d{1,2} de \p{L}+ de \d{4}$/u);
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/timeline-es.png` });
  await page.context().close();
});

test("the account's language wins over the browser's: German, whatever Accept-Language says", async ({ browser }) => {
  const page = await browse(browser, "es-ES");
  await setLanguage(page, "Idioma de la interfaz", "de", /Sprache gespeichert|Idioma guardado/);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zeitleiste");
  await expect(page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Konto" })).toBeVisible();
  await expect(page.locator(".tl-list > li .tl-links").first()).toContainText("Versionen");
  await expect(page.locator(".tl-day").first()).toHaveText(/^\d{1,2}\. \p{L}+ \d{4}$/u);
  expect(await overflowing(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/timeline-de.png` });

  await page.goto("/account");
  await expect(page.getByLabel("Sprache der Oberfläche")).toHaveValue("de");
  await page.context().close();
});

test("Hebrew, the layout check, shows the page right to left with the header and rows mirrored", async ({
  browser,
}) => {
  const page = await browse(browser);
  await setLanguage(page, "Sprache der Oberfläche", "he", /.+/);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "he");
  // Mirrored: the brand starts the header on the right, a row's wiki colour bar is on its right edge.
  const brand = await page.locator(".brand").boundingBox();
  expect(brand!.x).toBeGreaterThan(VIEWPORT.width / 2);
  const row = page.locator(".tl-list > li").first();
  expect(await row.evaluate((li) => getComputedStyle(li).borderRightWidth)).toBe("3px");
  await page.screenshot({ path: `${SHOTS}/timeline-he.png` });

  // Back to the browser's language: the choice can be undone.
  await page.goto("/account");
  await page.locator("#account-language").selectOption("");
  await page.locator("#account-language").locator("xpath=ancestor::form").getByRole("button").click();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.context().close();
});
