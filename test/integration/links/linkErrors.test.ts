import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/postgres";
import { createLink } from "@/lib/links/createLink";
import type { NewLinkInput } from "@/lib/links/linkInput";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import type { ResolveAllAddresses } from "@/lib/net/guardedLookup";
import { createSafeFetch } from "@/lib/net/safeFetch";
import { newUser } from "@/test/integration/sync/syncTestKit";
import { freePort } from "@/test/support/testPostgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

const network = loopbackNetwork();
const alpha = () => fixtureWiki("alpha");
let userId: string;

/** The loopback network with its own DNS: `bücher.test` (as punycode, as URL parsing sends it) is 127.0.0.1, nothing else exists. */
function networkWithUnicodeHost(): WikiNetwork {
  const resolveAll: ResolveAllAddresses = (hostname, _options, callback) => {
    if (hostname === "xn--bcher-kva.test") return callback(null, [{ address: "127.0.0.1", family: 4 }]);
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    error.code = "ENOTFOUND";
    callback(error, []);
  };
  return { ...network, fetch: createSafeFetch({ allowPrivateNetworks: true, timeoutMs: 15_000 }, { resolveAll }) };
}

/** The failure of linking `input`, after checking that nothing was stored. */
async function failureOf(input: NewLinkInput, through: WikiNetwork = network) {
  const before = await prisma().wikiLink.count();
  const result = await createLink(userId, input, through);
  expect(await prisma().wikiLink.count()).toBe(before);
  if (result.ok) throw new Error("linked, but should have failed");
  return result.failure;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("link-errors@example.org");
});

describe("a link error says its true cause", () => {
  it("credentials in the address get their own message, which never repeats them", async () => {
    const withPassword = alpha().apiUrl.replace("://", "://Alice:hunter2secret@");
    const withUser = alpha().apiUrl.replace("://", "://user@");
    for (const wikiUrl of [withPassword, withUser]) {
      const failure = await failureOf({ wikiUrl, authMode: "bot_password", username: "Alice@watchdeck", secret: "x" });
      expect(failure).toMatchObject({ code: "credentials_in_url", field: "wikiUrl" });
      expect(failure.message).toContain("user name");
      expect(failure.message).not.toContain("hunter2secret");
      expect(failure.message).not.toContain("not a web address");
    }
  });

  it('a port where no wiki answers says the connection was refused there, not "try again later"', async () => {
    const port = await freePort();
    const failure = await failureOf({
      wikiUrl: `http://127.0.0.1:${port}/w/api.php`,
      authMode: "bot_password",
      username: "A@b",
      secret: "x",
    });
    expect(failure).toMatchObject({ code: "unreachable", field: "wikiUrl" });
    expect(failure.message).toContain(
      `127.0.0.1:${port} refused the connection: no web server answers on port ${port}`,
    );
    expect(failure.message).not.toMatch(/try again later/i);
  });

  it("a Unicode host name is shown as typed, not as punycode", async () => {
    const unicodeNetwork = networkWithUnicodeHost();
    const unknown = await failureOf(
      { wikiUrl: "https://bücher-wiki.test/wiki/Hauptseite", authMode: "bot_password", username: "A@b", secret: "x" },
      unicodeNetwork,
    );
    expect(unknown).toMatchObject({ code: "unreachable", field: "wikiUrl" });
    expect(unknown.message).toBe("The host name bücher-wiki.test could not be found. Check the address for typos.");

    const port = await freePort();
    const refused = await failureOf(
      { wikiUrl: `http://bücher.test:${port}/w/api.php`, authMode: "bot_password", username: "A@b", secret: "x" },
      unicodeNetwork,
    );
    expect(refused.message).toContain(`bücher.test:${port} refused the connection`);
    expect(refused.message).not.toContain("xn--");
  });

  it("a feed address without a token says the token is missing, and links once the token is given", async () => {
    const tokenless = `${alpha().apiUrl}?action=feedwatchlist&allrev=1&wlowner=Alice&feedformat=atom`;
    const failure = await failureOf({ wikiUrl: tokenless, authMode: "watchlist_token" });
    expect(failure).toMatchObject({ code: "missing_feed_token", field: "wikiUrl" });
    expect(failure.message).toContain("no token");

    const linked = await createLink(
      userId,
      { wikiUrl: tokenless, authMode: "watchlist_token", secret: alpha().watchlistTokens.Alice! },
      network,
    );
    expect(linked).toMatchObject({ ok: true });
    const link = await prisma().wikiLink.findFirstOrThrow({ where: { userId } });
    expect(link).toMatchObject({ authMode: "watchlist_token", wikiUsername: "Alice" });
  });
});
