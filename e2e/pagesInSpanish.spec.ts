import { expect, type Page, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";

const SHOTS = "test-results/screenshots";

/** Words of the English screens that must not show through in Spanish. */
async function expectNoEnglish(page: Page, words: string[]): Promise<void> {
  const text = (await page.locator("main").textContent()) ?? "";
  for (const word of words) expect(text, `"${word}" is still English`).not.toContain(word);
}

test("a Spanish browser sees the wikis and alerts pages in Spanish", async ({ browser }) => {
  test.setTimeout(120_000);
  const english = await browser.newContext();
  const setup = await english.newPage();
  await register(setup, newAccount("spanish-pages"));
  await linkWikiWithBotPassword(setup, "beta", "Alice@watchdeck");
  const signedIn = await english.storageState();
  await english.close();

  const context = await browser.newContext({
    storageState: signedIn,
    viewport: { width: 1280, height: 900 },
    // The browser's own language sets Accept-Language on every request, navigations included.
    locale: "es-ES",
    extraHTTPHeaders: { "Accept-Language": "es-ES,es;q=0.9" },
  });
  const page = await context.newPage();

  await page.goto("/alerts/new");
  const form = page.getByRole("form", { name: "Nueva alerta" });
  await form.getByLabel("Nombre de la alerta").fill("Páginas de discusión");
  await form.getByLabel("Dirección del webhook").fill("http://127.0.0.1:8099/hook");
  await form.getByRole("button", { name: "Crear alerta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Alerta creada." })).toBeVisible();
  await page.getByRole("link", { name: "Volver a tus alertas" }).click();

  await expect(page.getByRole("heading", { name: "Alertas", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Alertas · /);
  const card = page.getByRole("region", { name: "Páginas de discusión" });
  await expect(card).toContainText("Al momento, a un webhook JSON en 127.0.0.1:8099");
  await expect(card).toContainText("Activa");
  await expect(card.getByRole("button", { name: "Enviar una prueba de Páginas de discusión" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Correo electrónico y notificaciones del navegador" })).toBeVisible();
  await expectNoEnglish(page, ["Send test", "Delivery log", "Watches", "At once", "Browser notifications", "Pause"]);
  await page.screenshot({ path: `${SHOTS}/alerts-es.png`, fullPage: true });

  await page.goto("/wikis");
  await expect(page.getByRole("heading", { name: "Wikis", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Wikis vinculados" });
  const beta = list.getByRole("listitem", { name: "Beta Wiki" });
  await expect(beta).toContainText("Contraseña de bot (Alice@watchdeck), leída a través de la API");
  await expect(beta.getByRole("button", { name: "Sincronizar Beta Wiki ahora" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vincular un wiki" })).toBeVisible();
  await expect(page.getByLabel("Dirección del wiki")).toBeVisible();
  await expectNoEnglish(page, ["Link a wiki", "Signed in with", "Sync now", "Last synced", "Wiki address"]);
  await page.screenshot({ path: `${SHOTS}/wikis-es.png`, fullPage: true });
  await context.close();
});
