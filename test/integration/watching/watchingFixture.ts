import { randomUUID } from "node:crypto";
import { registerUser } from "@/lib/accounts/registerUser";
import { prisma } from "@/lib/db/postgres";
import { createLink } from "@/lib/links/createLink";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { botPasswordFor } from "@/test/mediawiki/config";
import type { MwClient } from "@/test/mediawiki/mwApi";
import { runTool } from "@/test/mediawiki/php";
import { apiClient, makeEdit } from "@/test/mediawiki/wikiActions";
import { fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";

/**
 * The watching tests act on Editor's watchlist through a bot password of their own, so the seeded
 * watchlists of Alice and Bob (which other tests count exactly) are never touched. Editor's
 * watchlist is nobody's fixture: MediaWiki already adds every page Editor creates to it.
 */
export const WIKI = "alpha";
const run = randomUUID().slice(0, 8);
// One bot password per test file and run, so runs in parallel (CI, colleagues) never remove each other's.
const APP_ID = `watching${run}`;
export const EDITOR_LOGIN = `Editor@${APP_ID}` as const;
// MediaWiki takes "User@app" logins only with passwords in its own format, [0-9a-w]{32}.
const EDITOR_PASSWORD = botPasswordFor(WIKI, "Editor", APP_ID);
const GRANTS = ["basic", "viewmywatchlist", "editmywatchlist"];

export async function addEditorBotPassword(): Promise<void> {
  await runTool(WIKI, [
    { op: "setBotPassword", user: "Editor", appId: APP_ID, grants: GRANTS, password: EDITOR_PASSWORD },
  ]);
}

export async function removeEditorBotPassword(): Promise<void> {
  await runTool(WIKI, [{ op: "deleteBotPassword", user: "Editor", appId: APP_ID }]);
}

/** Editor on the wiki, to check what the wiki itself says. */
export function editorOnWiki(): Promise<MwClient> {
  return apiClient(WIKI, EDITOR_LOGIN, EDITOR_PASSWORD);
}

/** The network, counting the requests made through it: for the tests that prove the wiki was not asked. */
export function countedNetwork(network: WikiNetwork): WikiNetwork & { requests: number } {
  const counted = {
    ...network,
    requests: 0,
    fetch: ((...args: Parameters<WikiNetwork["fetch"]>) => {
      counted.requests++;
      return network.fetch(...args);
    }) as WikiNetwork["fetch"],
  };
  return counted;
}

export async function newUser(label: string): Promise<string> {
  const result = await registerUser(
    { email: `${label}-${randomUUID()}@example.org`, password: "long enough password" },
    { registrationOpen: true },
  );
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.id;
}

export async function linkEditor(userId: string, network: WikiNetwork = loopbackNetwork()): Promise<string> {
  const result = await createLink(
    userId,
    { wikiUrl: fixtureWiki("alpha").apiUrl, authMode: "bot_password", username: EDITOR_LOGIN, secret: EDITOR_PASSWORD },
    network,
  );
  if (!result.ok) throw new Error(result.failure.message);
  return result.value.linkId;
}

/** A page nobody watches yet except its creator (Admin, whose watchlist no test reads). */
export async function freshPage(label: string): Promise<string> {
  const title = `Watching ${label} ${run}`;
  await makeEdit(WIKI, { title, text: `Created for the watching tests (${label}).\n`, user: "Admin" });
  return title;
}

export interface WikiWatchState {
  watched: boolean;
  expiry: string | null;
  notificationtimestamp: string | null;
}

/** What the wiki says about Editor's watch of each title (prop=info&inprop=watched|notificationtimestamp). */
export async function watchStateOnWiki(client: MwClient, titles: string[]): Promise<Record<string, WikiWatchState>> {
  const answer = await client.get({
    action: "query",
    prop: "info",
    inprop: "watched|notificationtimestamp",
    titles: titles.join("|"),
  });
  const pages = answer.query.pages as {
    title: string;
    watched?: boolean;
    watchlistexpiry?: string;
    notificationtimestamp?: string;
  }[];
  return Object.fromEntries(
    pages.map((page) => [
      page.title,
      {
        watched: page.watched === true,
        expiry: page.watchlistexpiry ?? null,
        notificationtimestamp: page.notificationtimestamp || null,
      },
    ]),
  );
}

export async function watchlistRawTitles(client: MwClient): Promise<Set<string>> {
  const titles = new Set<string>();
  let cont: Record<string, string> = {};
  for (;;) {
    const answer = await client.get({
      action: "query",
      list: "watchlistraw",
      wrlimit: "max",
      wrprop: "changed",
      ...cont,
    });
    for (const item of answer.watchlistraw ?? []) titles.add(item.title);
    if (!answer.continue) break;
    cont = answer.continue;
  }
  return titles;
}

/** Leaves Editor's watchlist without the test pages, whatever a failed test left behind. */
export async function unwatchOnWiki(titles: string[]): Promise<void> {
  if (titles.length === 0) return;
  const client = await editorOnWiki();
  const token = (await client.get({ action: "query", meta: "tokens", type: "watch" })).query.tokens.watchtoken;
  for (let start = 0; start < titles.length; start += 50) {
    await client.post({ action: "watch", unwatch: true, titles: titles.slice(start, start + 50).join("|"), token });
  }
}

/** A synced row of the link's timeline for a page, as the sync engine would store it. */
export async function insertLocalRow(linkId: string, title: string, unreadSince: Date | null): Promise<bigint> {
  const link = await prisma().wikiLink.findUniqueOrThrow({ where: { id: linkId } });
  const timestamp = new Date();
  const change = await prisma().change.create({
    data: {
      siteId: link.siteId,
      changeKey: `rev:${randomUUID()}`,
      kind: "edit",
      source: "api",
      namespace: 0,
      title,
      userName: "Admin",
      userHidden: false,
      anon: false,
      commentHidden: false,
      timestamp,
      minor: false,
      bot: false,
      isNew: false,
    },
  });
  await prisma().linkChange.create({
    data: {
      linkId,
      changeId: change.id,
      userId: link.userId,
      siteId: link.siteId,
      timestamp,
      namespace: 0,
      kind: "edit",
      minor: false,
      bot: false,
      anon: false,
      notificationTimestamp: unreadSince,
    },
  });
  return change.id;
}

export function localRow(linkId: string, changeId: bigint) {
  return prisma().linkChange.findUnique({ where: { linkId_changeId: { linkId, changeId } } });
}
