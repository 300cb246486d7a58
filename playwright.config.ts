import { defineConfig } from "@playwright/test";

// `npm test` (scripts/test.ts) prepares the database and wikis and passes them in env.
const databaseUrl = process.env.WATCHDECK_E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    "Run the browser tests through `npm test` (or `npm test -- e2e`): it prepares the database and wikis they need.",
  );
}
const port = Number(process.env.WATCHDECK_E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** Where the app sends alert mail; e2e/support/mailbox.ts listens there while a test reads mail. */
export const smtpPort = Number(process.env.WATCHDECK_E2E_SMTP_PORT ?? 3125);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  // Two cores: the app, its worker, PHP and Chromium already compete; one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.WATCHDECK_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node --import tsx scripts/start.ts --port ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      WATCHDECK_DATA_DIR: ".data/e2e",
      WATCHDECK_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      WATCHDECK_ALLOW_PRIVATE_NETWORKS: "true",
      WATCHDECK_SYNC_INTERVAL_SECONDS: "15",
      WATCHDECK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WATCHDECK_MAIL_FROM: "Watchdeck <alerts@watchdeck.test>",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
