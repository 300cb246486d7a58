import { appendFileSync } from "node:fs";

/** Set by `npm test`: the file where every secret the run hands out is listed, so its logs can be searched for them. */
export const TEST_SECRETS_FILE_ENV = "WATCHDECK_TEST_SECRETS_FILE";

/** Lists a secret a test created (a bot password, a watchlist token); a no-op outside `npm test`. */
export function recordTestSecret(label: string, value: string): void {
  const file = process.env[TEST_SECRETS_FILE_ENV];
  if (!file || value.includes("\n")) return;
  appendFileSync(file, `${label.replace(/[\t\n]/g, " ")}\t${value}\n`);
}
