import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { markPagesRead } from "@/lib/watching/markRead";
import { unwatchPage, watchPage } from "@/lib/watching/watchPages";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import {
  addEditorBotPassword,
  editorOnWiki,
  freshPage,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  watchStateOnWiki,
} from "./watchingFixture";

const network = loopbackNetwork();
let userId: string;
let linkId: string;
const touched: string[] = [];

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("token");
  linkId = await linkEditor(userId, network);
});

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

/**
 * The network, with the token of the first `action` request replaced by a stale one, as after the
 * wiki ended the session the token was made for. Notes every request: action, token type asked
 * for, and the error code the wiki answered with.
 */
function staleTokenOnce(action: string) {
  const calls: string[] = [];
  let spoiled = false;
  const fetch: WikiNetwork["fetch"] = async (url, init) => {
    const post = init?.method === "POST";
    const params = post ? new URLSearchParams(String(init?.body ?? "")) : new URL(url).searchParams;
    let nextInit = init;
    if (post && params.get("action") === action && !spoiled) {
      spoiled = true;
      params.set("token", "0123456789abcdef0123456789abcdef01234567+\\");
      nextInit = { ...init, body: params.toString() };
    }
    const response = await network.fetch(url, nextInit);
    const what = params.get("meta") === "tokens" ? `tokens:${params.get("type")}` : (params.get("action") ?? "");
    calls.push(
      `${what}${response.headers.get("mediawiki-api-error") ? ` -> ${response.headers.get("mediawiki-api-error")}` : ""}`,
    );
    return response;
  };
  return { network: { ...network, fetch }, calls };
}

describe("stale tokens", () => {
  it("watch with a stale watch token: the wiki says badtoken, a fresh watch token is fetched once and the watch succeeds", async () => {
    const title = await freshPage("StaleWatch");
    touched.push(title);
    const stale = staleTokenOnce("watch");
    expect(await watchPage(userId, linkId, title, { network: stale.network })).toMatchObject({
      ok: true,
      value: { title },
    });
    expect(stale.calls.filter((call) => call !== "login" && call !== "tokens:login" && call !== "query")).toEqual([
      "tokens:watch",
      "watch -> badtoken",
      "tokens:watch",
      "watch",
    ]);
    expect((await watchStateOnWiki(await editorOnWiki(), [title]))[title]?.watched).toBe(true);
    expect(await unwatchPage(userId, linkId, title, { network })).toMatchObject({ ok: true });
  });

  it("mark read with a stale csrf token is refreshed once and succeeds; it never uses the watch token", async () => {
    const title = await freshPage("StaleRead");
    touched.push(title);
    expect(await watchPage(userId, linkId, title, { network })).toMatchObject({ ok: true });
    const stale = staleTokenOnce("setnotificationtimestamp");
    expect(await markPagesRead(userId, linkId, [title], { network: stale.network })).toEqual({
      ok: true,
      value: { pages: 1 },
    });
    expect(stale.calls.filter((call) => call !== "login" && call !== "tokens:login" && call !== "query")).toEqual([
      "tokens:csrf",
      "setnotificationtimestamp -> badtoken",
      "tokens:csrf",
      "setnotificationtimestamp",
    ]);
  });
});
