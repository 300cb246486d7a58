import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewatchPages } from "@/lib/watching/rewatchPages";
import { unwatchPages, watchPage } from "@/lib/watching/watchPages";
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

async function page(label: string): Promise<string> {
  const title = await freshPage(label);
  touched.push(title);
  return title;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("rewatcher");
  linkId = await linkEditor(userId, network);
});

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

describe("undoing an unwatch", () => {
  it("watches the pages again, a temporary watch with the end it had and a permanent one permanently", async () => {
    const [temporary, permanent] = [await page("Undo temporary"), await page("Undo permanent")];
    const watched = await watchPage(userId, linkId, temporary, { expiry: "1 month", network });
    if (!watched.ok) throw new Error(watched.failure.message);
    const end = watched.value.expiresAt!;
    expect(await watchPage(userId, linkId, permanent, { expiry: "permanent", network })).toMatchObject({ ok: true });
    expect(await unwatchPages(userId, linkId, [temporary, permanent], { network })).toMatchObject({ ok: true });
    const wiki = await editorOnWiki();
    expect((await watchStateOnWiki(wiki, [temporary]))[temporary]?.watched).toBe(false);

    const undone = await rewatchPages(
      userId,
      linkId,
      [
        { title: temporary, expiresAt: end },
        { title: permanent, expiresAt: null },
      ],
      { network },
    );

    expect(undone).toMatchObject({ ok: true, value: { skipped: [] } });
    const onWiki = await watchStateOnWiki(wiki, [temporary, `Talk:${temporary}`, permanent]);
    expect(onWiki[temporary]).toMatchObject({ watched: true, expiry: end.toISOString().replace(/\.\d{3}Z$/, "Z") });
    expect(onWiki[`Talk:${temporary}`]).toMatchObject({ watched: true, expiry: onWiki[temporary]!.expiry });
    expect(onWiki[permanent]).toMatchObject({ watched: true, expiry: null });
  });

  it("leaves unwatched a page whose temporary watch would have ended meanwhile, saying so", async () => {
    const title = await page("Undo ended");
    const undone = await rewatchPages(userId, linkId, [{ title, expiresAt: new Date(Date.now() - 60_000) }], {
      network,
    });
    expect(undone).toMatchObject({
      ok: true,
      value: { done: [], skipped: [{ title, reason: expect.stringContaining("ended") }] },
    });
    expect((await watchStateOnWiki(await editorOnWiki(), [title]))[title]?.watched).toBe(false);
  });
});
