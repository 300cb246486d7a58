import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { syncLink } from "@/lib/sync/syncLink";
import { apiClient, makeEdit, setBotPassword } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, storedKeys, syncState } from "./syncTestKit";

const HOUR_MS = 3_600_000;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

/** Seconds from `from` to the link's next poll. */
async function secondsToNextPoll(linkId: string, from: Date): Promise<number> {
  const state = (await syncState(linkId))!;
  return ((state.next_run_at as Date).getTime() - from.getTime()) / 1000;
}

describe("adaptive polling, through the real sync", () => {
  it("measures the link's change rate, polls a busy watchlist every 2 minutes and a quiet one every 30", async () => {
    const wiki = fixtureWiki("alpha");
    const password = randomBytes(16).toString("hex");
    await setBotPassword("alpha", "Editor", "adaptive", password, ["basic", "viewmywatchlist"]);
    const title = `Adaptive Polling ${Date.now()}`;
    const editor = await apiClient("alpha", "Editor");
    await editor.post({ action: "watch", titles: title, token: await editor.token("watch") });
    const network = countingNetwork();
    const link = await linkWithBotPassword(
      await newUser("adaptive@example.org"),
      wiki.apiUrl,
      "Editor@adaptive",
      password,
      network,
    );

    // The first poll reads old changes: no rate yet, the shortest interval.
    const first = new Date();
    expect(await syncLink(link, deps(network, { now: () => first }))).toMatchObject({ status: "synced" });
    expect((await syncState(link))!.change_rate_per_hour).toBeNull();
    expect(await secondsToNextPoll(link, first)).toBeCloseTo(120, 0);

    // Three new changes right after: the rate starts at a busy 15/h and gains 1/2 per change.
    const before = (await storedKeys(link)).length;
    for (const n of [1, 2, 3]) await makeEdit("alpha", { title, user: "Admin", text: `Edit ${n}\n`, summary: `n${n}` });
    const second = new Date();
    expect(await syncLink(link, deps(network, { now: () => second }))).toMatchObject({ status: "synced" });
    const added = (await storedKeys(link)).length - before;
    expect(added).toBe(3);
    expect((await syncState(link))!.change_rate_per_hour as number).toBeCloseTo(15 + added / 2, 1);
    expect(await secondsToNextPoll(link, second)).toBeCloseTo(120, 0);

    // Six hours later with nothing new: the rate has faded below 1/h, and the next poll is 30 minutes away.
    const later = new Date(Date.now() + 6 * HOUR_MS);
    expect(await syncLink(link, deps(network, { now: () => later }))).toMatchObject({
      status: "synced",
      newForLink: 0,
    });
    const faded = (await syncState(link))!.change_rate_per_hour as number;
    expect(faded).toBeCloseTo(16.5 * Math.exp(-3), 1);
    expect(await secondsToNextPoll(link, later)).toBeCloseTo(1800, 0);
  });
});
