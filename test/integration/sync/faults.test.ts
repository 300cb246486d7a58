import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editLink } from "@/lib/links/changeLink";
import { getSyncStatusForUser } from "@/lib/sync/getSyncStatusForUser";
import { resumeLinkSync } from "@/lib/sync/requestSyncNow";
import { syncLink } from "@/lib/sync/syncLink";
import { deleteBotPassword, resetBotPassword, setBotPassword } from "@/test/mediawiki/wikiActions";
import {
  type FaultProxy,
  type FaultRule,
  isFeedRequest,
  isWatchlistRequest,
  startFaultProxy,
} from "@/test/support/faultProxy";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import {
  countingNetwork,
  deps,
  linkWithBotPassword,
  linkWithToken,
  newUser,
  query,
  storedKeys,
  syncState,
} from "./syncTestKit";

const alpha = () => fixtureWiki("alpha");
const network = countingNetwork(3_000);
let proxy: FaultProxy;
let cleanApiKeys: string[];
let cleanFeedKeys: string[];
let users = 0;

const isContinuation = (r: Parameters<typeof isWatchlistRequest>[0]) =>
  isWatchlistRequest(r) && r.url.searchParams.has("wlcontinue");

async function proxiedAliceLink(): Promise<{ userId: string; linkId: string }> {
  const userId = await newUser(`fault-${++users}@example.org`);
  const linkId = await linkWithBotPassword(
    userId,
    proxy.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha(), "Alice@watchdeck"),
    network,
  );
  const [site] = await query<{ api_url: string }>(
    `SELECT s.api_url FROM sites s JOIN wiki_links w ON w.site_id = s.id WHERE w.id = $1`,
    [linkId],
  );
  expect(site!.api_url).toBe(proxy.apiUrl);
  return { userId, linkId };
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  proxy = await startFaultProxy(alpha());
  const reference = await newUser("clean-run@example.org");
  const apiLink = await linkWithBotPassword(
    reference,
    alpha().apiUrl,
    "Alice@watchdeck",
    botPassword(alpha(), "Alice@watchdeck"),
    network,
  );
  const feedLink = await linkWithToken(reference, alpha().apiUrl, "Bob", alpha().watchlistTokens.Bob!, "feed", network);
  expect(await syncLink(apiLink, deps(network))).toMatchObject({ status: "synced" });
  expect(await syncLink(feedLink, deps(network))).toMatchObject({ status: "synced" });
  cleanApiKeys = await storedKeys(apiLink);
  cleanFeedKeys = await storedKeys(feedLink);
});

afterAll(async () => {
  await proxy?.close();
});

describe.each<[string, FaultRule[], { code: RegExp; message: RegExp }]>([
  [
    "answering HTTP 500",
    [{ fault: "http500", match: isWatchlistRequest }],
    { code: /^http_error$/, message: /HTTP error 500/ },
  ],
  [
    "answering maxlag",
    [{ fault: "maxlag", match: isWatchlistRequest, retryAfterSeconds: 0 }],
    { code: /^maxlag$/, message: /busy|lag/i },
  ],
  [
    "answering HTML instead of JSON",
    [{ fault: "html", match: isWatchlistRequest }],
    { code: /^not_json$/, message: /HTML page/ },
  ],
  [
    "truncating the JSON of the second page",
    [{ fault: "truncated", match: isContinuation }],
    { code: /^not_json$/, message: /instead of JSON/ },
  ],
  [
    "resetting the connection mid-continuation",
    [{ fault: "reset", match: isContinuation }],
    { code: /^unreachable$/, message: /./ },
  ],
  [
    "not answering until the request times out",
    [{ fault: "timeout", match: isContinuation, holdMs: 10_000 }],
    { code: /^(timeout|unreachable)$/, message: /./ },
  ],
])("a wiki %s", (_name, rules, expected) => {
  it("fails the poll as transient, stores nothing of it, and after recovery holds the clean run's set", async () => {
    const { userId, linkId } = await proxiedAliceLink();
    proxy.setRules(rules);
    const failed = await syncLink(linkId, deps(network));
    expect(failed).toMatchObject({ status: "failed", paused: false, failure: { kind: "transient" } });
    if (failed.status !== "failed") return;
    expect(failed.failure.code).toMatch(expected.code);
    expect(await storedKeys(linkId)).toEqual([]);
    expect(await syncState(linkId)).toMatchObject({
      status: "error",
      paused: false,
      last_error_kind: "transient",
      consecutive_failures: 1,
      cursor_at: null,
    });
    const [status] = await getSyncStatusForUser(userId);
    expect(status).toMatchObject({ state: "error", running: false, lastErrorKind: "transient" });
    expect(status!.lastError).toMatch(expected.message);
    expect(status!.nextSyncAt!.getTime()).toBeLessThan(Date.now() + 5_000);

    proxy.clearRules();
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(await storedKeys(linkId)).toEqual(cleanApiKeys);
    expect(await syncState(linkId)).toMatchObject({ status: "ok", consecutive_failures: 0, last_error: null });
  });
});

describe("a wiki that goes down in the middle of a sync", () => {
  it("fails as unreachable, loses nothing already stored, and converges once it is back", async () => {
    const { linkId } = await proxiedAliceLink();
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    const cursor = (await syncState(linkId))!.cursor_at;
    await proxy.down();
    expect(await syncLink(linkId, deps(network))).toMatchObject({
      status: "failed",
      failure: { kind: "transient", code: "unreachable" },
    });
    await proxy.up();
    // Down after the first page of a fresh link's first sync.
    const second = await proxiedAliceLink();
    proxy.setRules([
      {
        fault: "reset",
        match: (r) => {
          if (isContinuation(r)) void proxy.down();
          return isContinuation(r);
        },
      },
    ]);
    expect(await syncLink(second.linkId, deps(network))).toMatchObject({
      status: "failed",
      failure: { kind: "transient" },
    });
    expect(await storedKeys(second.linkId)).toEqual([]);
    await proxy.up();
    proxy.clearRules();
    expect(await syncLink(second.linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect((await syncState(linkId))!.cursor_at).toEqual(cursor);
    expect(await storedKeys(linkId)).toEqual(cleanApiKeys);
    expect(await storedKeys(second.linkId)).toEqual(cleanApiKeys);
  });
});

describe("a feed answering malformed XML", () => {
  it("fails as invalid with the reason, leaves other links alone, and converges after recovery", async () => {
    const userId = await newUser("fault-feed@example.org");
    const feedLink = await linkWithToken(userId, proxy.apiUrl, "Bob", alpha().watchlistTokens.Bob!, "feed", network);
    const apiLink = (await proxiedAliceLink()).linkId;
    for (const fault of ["malformedXml", "truncated"] as const) {
      proxy.setRules([{ fault, match: isFeedRequest }]);
      const outcome = await syncLink(feedLink, deps(network));
      expect(outcome).toMatchObject({
        status: "failed",
        paused: false,
        failure: { kind: "invalid", code: "malformed" },
      });
      expect(await syncLink(apiLink, deps(network))).toMatchObject({ status: "synced" });
    }
    expect(await syncState(feedLink)).toMatchObject({
      status: "error",
      last_error_kind: "invalid",
      consecutive_failures: 2,
    });
    proxy.clearRules();
    expect(await syncLink(feedLink, deps(network))).toMatchObject({ status: "synced" });
    expect(await storedKeys(feedLink)).toEqual(cleanFeedKeys);
  });
});

describe("a wiki answering an API error with a NUL in its code", () => {
  it("records the failure, with U+FFFD for the NUL, and converges after recovery", async () => {
    const { userId, linkId } = await proxiedAliceLink();
    proxy.setRules([{ fault: "apiErrorWithNul", match: isWatchlistRequest }]);
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "failed", paused: false });
    const state = (await syncState(linkId))!;
    expect(state).toMatchObject({ status: "error", consecutive_failures: 1 });
    expect(`${state.last_error_code} ${state.last_error}`).toContain("odd\uFFFDcode");
    expect(`${state.last_error_code} ${state.last_error}`).not.toContain("\u0000");
    const [status] = await getSyncStatusForUser(userId);
    expect(status).toMatchObject({ state: "error", running: false });

    proxy.clearRules();
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(await storedKeys(linkId)).toEqual(cleanApiKeys);
  });
});

describe("a bot password changed on the wiki", () => {
  const appId = "syncfault";
  // MediaWiki accepts only [0-9a-w]{32,} as a bot password.
  const original = randomBytes(16).toString("hex");

  afterAll(async () => {
    await deleteBotPassword("alpha", "Alice", appId);
  });

  it("marks the link as needing attention with the wiki's message, pauses it, and resumes once fixed", async () => {
    await setBotPassword("alpha", "Alice", appId, original, ["basic", "viewmywatchlist"]);
    const userId = await newUser("fault-auth@example.org");
    const linkId = await linkWithBotPassword(userId, alpha().apiUrl, `Alice@${appId}`, original, network);
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });

    const changed = await resetBotPassword("alpha", "Alice", appId);
    const failed = await syncLink(linkId, deps(network));
    expect(failed).toMatchObject({ status: "failed", paused: true, failure: { kind: "auth" } });
    expect(await syncState(linkId)).toMatchObject({ status: "needs_attention", paused: true, last_error_kind: "auth" });
    const [status] = await getSyncStatusForUser(userId);
    expect(status).toMatchObject({ state: "attention", nextSyncAt: null });
    expect(status!.lastError).toMatch(/password/i);
    expect(await syncLink(linkId, deps(network))).toEqual({ status: "skipped", reason: "paused" });

    const edited = await editLink(userId, linkId, { displayName: "Alpha", color: "#3366cc", secret: changed }, network);
    expect(edited).toMatchObject({ ok: true });
    await resumeLinkSync(linkId);
    expect(await syncState(linkId)).toMatchObject({ status: "ok", paused: false });
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(await storedKeys(linkId)).toEqual(cleanApiKeys);
    const [after] = await getSyncStatusForUser(userId);
    expect(after).toMatchObject({ state: "ok", lastError: null });
  });
});
