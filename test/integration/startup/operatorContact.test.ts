import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const EXPECTED =
  "[watchdeck] WATCHDECK_CONTACT is not set. Watchdeck runs at https://watchdeck.example.org, so every wiki it " +
  "polls must be able to reach whoever runs it: set WATCHDECK_CONTACT to your email address or a web page that " +
  "says how to contact you. It is sent in the User-Agent of every request, as Wikimedia's User-Agent policy " +
  "requires; wikis block clients without one.";

async function startWithout(contact: Record<string, string>, script: string, args: string[] = []) {
  const { WATCHDECK_CONTACT: _contact, WATCHDECK_CONTACT_URL: _old, ...env } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: {
      ...env,
      ...contact,
      WATCHDECK_URL: "https://watchdeck.example.org",
      WATCHDECK_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wd-contact-")),
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("a public instance without WATCHDECK_CONTACT does not start", () => {
  it("npm start (web and worker) stops with one line saying what to set and why", async () => {
    const result = await startWithout({}, "scripts/start.ts", ["--no-worker"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(EXPECTED);
  });

  it("npm run worker stops with the same line", async () => {
    const result = await startWithout({}, "scripts/worker.ts");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(EXPECTED);
  });

  it("an invalid contact is named", async () => {
    const result = await startWithout({ WATCHDECK_CONTACT: "ring the bell" }, "scripts/worker.ts");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "[watchdeck] Invalid configuration: WATCHDECK_CONTACT: WATCHDECK_CONTACT must be an email address or an http(s) URL",
    );
  });
});
