import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { prisma } from "@/lib/db/postgres";
import { editLink, revalidateLink } from "@/lib/links/changeLink";
import { createLink } from "@/lib/links/createLink";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { openLinkSecret, openLinkSession } from "@/lib/links/linkSecrets";
import { removeLink } from "@/lib/links/removeLink";
import { CookieJar } from "@/lib/mediawiki/api/cookieJar";
import { dumpDatabaseText } from "@/test/support/dumpDatabase";
import { freePort } from "@/test/support/testPostgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

let databaseUrl: string;
let userId: string;
let otherUserId: string;
const network = loopbackNetwork();
const alpha = () => fixtureWiki("alpha");
const beta = () => fixtureWiki("beta");

async function newUser(email: string): Promise<string> {
  const result = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.id;
}

const linkCount = () => prisma().wikiLink.count();

beforeAll(async () => {
  databaseUrl = await useTestDatabase(import.meta.url);
  userId = await newUser("linker@example.org");
  otherUserId = await newUser("other@example.org");
});

describe("linking a wiki", () => {
  it("links by bot password from the api.php address, learning the site and what the link may do", async () => {
    const wiki = alpha();
    const result = await createLink(
      userId,
      {
        wikiUrl: wiki.apiUrl,
        authMode: "bot_password",
        username: "Alice@watchdeck",
        secret: botPassword(wiki, "Alice@watchdeck"),
      },
      network,
    );
    expect(result).toMatchObject({ ok: true });
    const [link] = await listLinksForUser(userId);
    expect(link).toMatchObject({
      displayName: "Alpha Wiki",
      authMode: "bot_password",
      source: "api",
      loginName: "Alice@watchdeck",
      wikiUsername: "Alice",
      hasSecret: true,
      canReadApi: true,
      canReadFeed: false,
      canWatch: true,
      canMarkRead: true,
      site: { name: "Alpha Wiki", apiUrl: wiki.apiUrl, lang: "en" },
    });
  });

  it("links by watchlist token from an article URL, read-only", async () => {
    const wiki = beta();
    const result = await createLink(
      userId,
      {
        wikiUrl: wiki.articleUrlExample,
        authMode: "watchlist_token",
        username: "alice",
        secret: wiki.watchlistTokens.Alice!,
        displayName: "Beta (de)",
        color: "#14866D",
      },
      network,
    );
    expect(result).toMatchObject({ ok: true });
    const link = (await listLinksForUser(userId)).find((l) => l.site.apiUrl === wiki.apiUrl);
    expect(link).toMatchObject({
      displayName: "Beta (de)",
      color: "#14866d",
      authMode: "watchlist_token",
      source: "api",
      wikiUsername: "Alice",
      canReadApi: true,
      canReadFeed: true,
      canWatch: false,
      canMarkRead: false,
      site: { name: "Beta Wiki", lang: "de" },
    });
  });

  it("links from a pasted feedwatchlist URL, taking owner, token and format from it, read through list=watchlist", async () => {
    const wiki = alpha();
    const feedUrl = `${wiki.apiUrl}?action=feedwatchlist&allrev=1&wlowner=Alice&wltoken=${wiki.watchlistTokens.Alice}&feedformat=rss`;
    const result = await createLink(otherUserId, { wikiUrl: feedUrl, authMode: "bot_password" }, network);
    expect(result).toMatchObject({ ok: true });
    const [link] = await listLinksForUser(otherUserId);
    expect(link).toMatchObject({
      authMode: "watchlist_token",
      source: "api",
      sourcePinned: false,
      feedFormat: "rss",
      wikiUsername: "Alice",
      canWatch: false,
    });
  });

  it("stores a wiki once however many links point at it", async () => {
    expect(await prisma().site.count({ where: { apiUrl: alpha().apiUrl } })).toBe(1);
  });

  it("keeps no plaintext bot password, watchlist token or session cookie anywhere in the database", async () => {
    const dump = await dumpDatabaseText(databaseUrl);
    const links = await prisma().wikiLink.findMany();
    expect(links.length).toBeGreaterThanOrEqual(3);
    const plaintexts = [
      botPassword(alpha(), "Alice@watchdeck"),
      alpha().watchlistTokens.Alice!,
      beta().watchlistTokens.Alice!,
    ];
    const sessionValues: string[] = [];
    for (const link of links) {
      expect(openLinkSecret(link.id, link.secretSealed)).not.toBe(link.secretSealed);
      if (link.sessionSealed) {
        const jar = JSON.parse(openLinkSession(link.id, link.sessionSealed)) as unknown;
        const values = JSON.stringify(jar).match(/"value":"([^"]{8,})"/g) ?? [];
        sessionValues.push(...values.map((v) => v.slice(9, -1)));
      }
    }
    expect(sessionValues.length).toBeGreaterThan(0);
    for (const secret of [...plaintexts, ...sessionValues]) expect(dump).not.toContain(secret);
    expect(CookieJar.restore(openLinkSession(links[0]!.id, links[0]!.sessionSealed!)).isEmpty()).toBe(false);
  });
});

describe("a link that fails validation", () => {
  let htmlServer: Server;
  let htmlUrl: string;

  beforeAll(async () => {
    htmlServer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>Just a blog</title><p>Hello</p>");
    });
    await new Promise<void>((resolve) => htmlServer.listen(0, "127.0.0.1", resolve));
    const address = htmlServer.address();
    htmlUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/blog/post`;
  });
  afterAll(() => new Promise<void>((resolve) => htmlServer.close(() => resolve())));

  const cases: Array<[string, () => Promise<Parameters<typeof createLink>[1]>, string, string, boolean?]> = [
    [
      "an unreachable host",
      async () => ({
        wikiUrl: `http://127.0.0.1:${await freePort()}/w/api.php`,
        authMode: "bot_password",
        username: "A@b",
        secret: "x",
      }),
      "unreachable",
      "wikiUrl",
    ],
    [
      "an address that is not a MediaWiki",
      async () => ({ wikiUrl: htmlUrl, authMode: "bot_password", username: "A@b", secret: "x" }),
      "not_mediawiki",
      "wikiUrl",
    ],
    [
      "a wrong bot password",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "bot_password",
        username: "Alice@watchdeck",
        secret: "wrong-password-0000000000000000",
      }),
      "wrong_password",
      "secret",
    ],
    [
      "a bot password without the viewmywatchlist grant",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "bot_password",
        username: "Alice@nowatchlist",
        secret: botPassword(alpha(), "Alice@nowatchlist"),
      }),
      "missing_viewmywatchlist",
      "secret",
    ],
    [
      "a bad watchlist token",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "watchlist_token",
        username: "Alice",
        secret: "0123456789abcdef0123456789abcdef01234567",
      }),
      "bad_wltoken",
      "secret",
    ],
    [
      "a bad watchlist token in a pasted feed URL",
      async () => ({
        wikiUrl: `${alpha().apiUrl}?action=feedwatchlist&wlowner=Alice&wltoken=deadbeefdeadbeefdeadbeefdeadbeefdeadbeef&feedformat=atom`,
        authMode: "watchlist_token",
      }),
      "bad_wltoken",
      "secret",
    ],
    [
      "the account's main password instead of a bot password",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "bot_password",
        username: "Alice",
        secret: alpha().users.Alice.password,
      }),
      "main_password_used",
      "secret",
    ],
    [
      "a second link to the same wiki account",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "bot_password",
        username: "Alice@readonly",
        secret: botPassword(alpha(), "Alice@readonly"),
      }),
      "duplicate_link",
      "username",
    ],
    [
      "a private address while the guard is on",
      async () => ({
        wikiUrl: alpha().apiUrl,
        authMode: "bot_password",
        username: "Alice@watchdeck",
        secret: botPassword(alpha(), "Alice@watchdeck"),
      }),
      "blocked_address",
      "wikiUrl",
      true,
    ],
  ];

  for (const [what, input, code, field, guardOn] of cases) {
    it(`reports ${what} with its own message and stores nothing`, async () => {
      const before = await linkCount();
      const result = await createLink(userId, await input(), guardOn ? loopbackNetwork(false) : network);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.failure).toMatchObject({ code, field });
      expect(result.failure.message.length).toBeGreaterThan(20);
      expect(result.failure.message).not.toContain(botPassword(alpha(), "Alice@watchdeck"));
      expect(await linkCount()).toBe(before);
    });
  }

  it("gives each failure a different message", async () => {
    // A pasted feed URL's token is checked through list=watchlist like a typed one: the same failure, the same words.
    const distinct = cases.filter(([what]) => what !== "a bad watchlist token in a pasted feed URL");
    const messages = new Set<string>();
    for (const [, input, , , guardOn] of distinct) {
      const result = await createLink(userId, await input(), guardOn ? loopbackNetwork(false) : network);
      if (!result.ok) messages.add(result.failure.message.replace(/\d+/g, "N"));
    }
    expect(messages.size).toBe(distinct.length);
  });
});

describe("changing a link", () => {
  it("renames without contacting the wiki, and refuses a new secret the wiki rejects, changing nothing", async () => {
    const [link] = await listLinksForUser(userId);
    expect(
      await editLink(userId, link!.id, { displayName: "My Alpha", color: "#7a4fc6" }, loopbackNetwork(false)),
    ).toEqual({ ok: true, value: null });
    const bad = await editLink(
      userId,
      link!.id,
      { displayName: "Renamed again", color: "#7a4fc6", secret: "not-the-password-000000000000" },
      network,
    );
    expect(bad).toMatchObject({ ok: false, failure: { code: "wrong_password" } });
    const after = (await listLinksForUser(userId)).find((l) => l.id === link!.id);
    expect(after).toMatchObject({ displayName: "My Alpha", color: "#7a4fc6" });
    const row = await prisma().wikiLink.findUniqueOrThrow({ where: { id: link!.id } });
    expect(openLinkSecret(row.id, row.secretSealed)).toBe(botPassword(alpha(), "Alice@watchdeck"));
  });

  it("re-validates a stored link against the wiki", async () => {
    const [link] = await listLinksForUser(userId);
    const before = link!.validatedAt;
    expect(await revalidateLink(userId, link!.id, network)).toEqual({ ok: true, value: null });
    const after = (await listLinksForUser(userId)).find((l) => l.id === link!.id)!;
    expect(after.validatedAt.getTime()).toBeGreaterThan(before.getTime());
  });

  it("lets nobody but the owner change or remove a link", async () => {
    const [link] = await listLinksForUser(userId);
    expect(await editLink(otherUserId, link!.id, { displayName: "Hijack", color: "#000000" }, network)).toMatchObject({
      ok: false,
      failure: { code: "not_found" },
    });
    expect(await revalidateLink(otherUserId, link!.id, network)).toMatchObject({
      ok: false,
      failure: { code: "not_found" },
    });
    expect(await removeLink(otherUserId, link!.id)).toBe(false);
    expect(await removeLink(userId, link!.id)).toBe(true);
    expect((await listLinksForUser(userId)).some((l) => l.id === link!.id)).toBe(false);
  });
});
