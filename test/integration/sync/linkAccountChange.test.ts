import { beforeAll, describe, expect, it } from "vitest";
import { readSyncJobState } from "@/lib/db/jobQueue";
import { editLink } from "@/lib/links/changeLink";
import { syncLink } from "@/lib/sync/syncLink";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, storedKeys, syncState } from "./syncTestKit";

const alpha = () => fixtureWiki("alpha");
const network = countingNetwork();
let aliceKeys: string[];
let bobKeys: string[];

async function syncedLink(email: string, loginName: string): Promise<{ userId: string; linkId: string }> {
  const userId = await newUser(email);
  const linkId = await linkWithBotPassword(userId, alpha().apiUrl, loginName, botPassword(alpha(), loginName), network);
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
  return { userId, linkId };
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  aliceKeys = await storedKeys((await syncedLink("alice-reference@example.org", "Alice@watchdeck")).linkId);
  bobKeys = await storedKeys((await syncedLink("bob-reference@example.org", "Bob@watchdeck")).linkId);
  expect(bobKeys.length).toBeGreaterThan(0);
  expect(aliceKeys.filter((key) => !bobKeys.includes(key)).length).toBeGreaterThan(0);
});

describe("a link moved to another wiki account", () => {
  it("drops what it held of the old watchlist and starts over with a first sync of the new one", async () => {
    const { userId, linkId } = await syncedLink("switcher@example.org", "Alice@watchdeck");
    expect(await storedKeys(linkId)).toEqual(aliceKeys);

    const edited = await editLink(
      userId,
      linkId,
      {
        displayName: "Alpha",
        color: "#3366cc",
        username: "Bob@watchdeck",
        secret: botPassword(alpha(), "Bob@watchdeck"),
      },
      network,
    );
    expect(edited).toEqual({ ok: true, value: { newAccount: "Bob" } });
    expect(await storedKeys(linkId)).toEqual([]);
    expect(await syncState(linkId)).toMatchObject({
      status: "ok",
      cursor_at: null,
      last_success_at: null,
      resume_continue: null,
    });
    expect(await readSyncJobState(linkId)).toBe("waiting");

    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    expect(await storedKeys(linkId)).toEqual(bobKeys);
  });

  it("keeps everything when the new name is another bot password of the same account", async () => {
    const { userId, linkId } = await syncedLink("same-account@example.org", "Alice@watchdeck");
    const cursor = (await syncState(linkId))!.cursor_at;
    const edited = await editLink(
      userId,
      linkId,
      {
        displayName: "Alpha",
        color: "#3366cc",
        username: "Alice@readonly",
        secret: botPassword(alpha(), "Alice@readonly"),
      },
      network,
    );
    expect(edited).toEqual({ ok: true, value: null });
    expect(await storedKeys(linkId)).toEqual(aliceKeys);
    expect((await syncState(linkId))!.cursor_at).toEqual(cursor);
  });
});
