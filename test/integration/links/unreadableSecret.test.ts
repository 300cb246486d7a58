import { beforeAll, describe, expect, it } from "vitest";
import { editLink, revalidateLink } from "@/lib/links/changeLink";
import { syncLink } from "@/lib/sync/syncLink";
import { listWatchedPages } from "@/lib/watching/listWatchedPages";
import { unwatchPage } from "@/lib/watching/watchPages";
import { deps, linkWithBotPassword, newUser, query, syncState } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

// What a lost or rotated-away encryption key leaves behind: a stored secret that no longer opens.
const network = loopbackNetwork();
const unreadable = {
  code: "secret_unreadable",
  message: expect.stringContaining("can no longer decrypt the stored password or token"),
};
let userId: string;
let linkId: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("lost-key@example.org");
  const alpha = fixtureWiki("alpha");
  linkId = await linkWithBotPassword(
    userId,
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  const other = await linkWithBotPassword(
    await newUser("other-key@example.org"),
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  // Another link's ciphertext is bound to that link: here it opens no more than one sealed with a lost key.
  await query(
    `UPDATE wiki_links SET secret_sealed = (SELECT secret_sealed FROM wiki_links WHERE id = $2), session_sealed = NULL WHERE id = $1`,
    [linkId, other],
  );
});

describe("a link whose stored secret no longer opens", () => {
  it("re-validating says so and points at the secret field, instead of failing with an error page", async () => {
    expect(await revalidateLink(userId, linkId, network)).toEqual({
      ok: false,
      failure: { kind: "auth", ...unreadable, field: "secret" },
    });
  });

  it("renaming still works, a new user name without a new secret is refused the same way, and a new secret repairs it", async () => {
    expect(await editLink(userId, linkId, { displayName: "Renamed", color: "#3366cc" }, network)).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await editLink(userId, linkId, { displayName: "Renamed", color: "#3366cc", username: "Bob@watchdeck" }, network),
    ).toMatchObject({
      ok: false,
      failure: { code: "secret_unreadable", field: "secret" },
    });
  });

  it("watching actions and the watched pages list refuse with the same reason, without asking the wiki", async () => {
    const asked = { requests: 0 };
    const counting = {
      ...network,
      fetch: ((...args: Parameters<typeof network.fetch>) => {
        asked.requests++;
        return network.fetch(...args);
      }) as typeof network.fetch,
    };
    expect(await unwatchPage(userId, linkId, "Watchdeck Alpha", { network: counting })).toEqual({
      ok: false,
      failure: { kind: "auth", ...unreadable },
    });
    expect(await listWatchedPages(userId, linkId, {}, { network: counting })).toEqual({
      ok: false,
      failure: { kind: "auth", ...unreadable },
    });
    expect(asked.requests).toBe(0);
  });

  it("sync pauses the link with the same reason, and entering the secret again makes it work", async () => {
    expect(await syncLink(linkId, deps(network))).toMatchObject({
      status: "failed",
      paused: true,
      failure: { kind: "auth", code: "secret_unreadable" },
    });
    expect(await syncState(linkId)).toMatchObject({
      status: "needs_attention",
      last_error: expect.stringContaining("can no longer decrypt"),
    });
    const alpha = fixtureWiki("alpha");
    expect(
      await editLink(
        userId,
        linkId,
        { displayName: "Renamed", color: "#3366cc", secret: botPassword(alpha, "Alice@watchdeck") },
        network,
      ),
    ).toEqual({ ok: true, value: null });
    expect(await revalidateLink(userId, linkId, network)).toEqual({ ok: true, value: null });
  });
});
