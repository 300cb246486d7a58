import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSyncSettings } from "@/lib/sync/settings";
import { syncLink } from "@/lib/sync/syncLink";
import { loadTimelineView } from "@/lib/timeline/loadTimelineView";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { watchPages } from "@/lib/watching/watchPages";
import {
  addEditorBotPassword,
  linkEditor,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
} from "@/test/integration/watching/watchingFixture";
import { TITLES_DE, TITLES_EN } from "@/test/mediawiki/seedPlan";
import { apiClient } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import { linkAndSync, newUser } from "./timelineTestKit";

const network = loopbackNetwork();
// Blocks and rights changes are made on an account of this test's own, which Editor watches: the
// seeded accounts, which other tests use, keep their groups and stay unblocked.
const subject = `Log Subject ${randomUUID().slice(0, 8)}`;
let logRows: TimelineRowView[];

/** What a row's sentence says, as text. */
const sentence = (row: TimelineRowView | undefined) =>
  row?.logLine?.map((part) => ("text" in part ? part.text : part.name)).join("") ?? null;
// The fixture's titles on alpha (English) and beta (German) differ, so a title names its wiki too.
const rowsOn = (title: string) => logRows.filter((row) => row.title === title);

async function blockAndPromote(): Promise<void> {
  const admin = await apiClient(WIKI, "Admin");
  const password = randomUUID();
  const created = await admin.post({
    action: "createaccount",
    username: subject,
    password,
    retype: password,
    createreturnurl: "http://localhost/",
    createtoken: await admin.token("createaccount"),
    reason: "A log subject",
  });
  if (created.createaccount?.status !== "PASS")
    throw new Error(`could not create ${subject}: ${JSON.stringify(created)}`);
  const rightsToken = (await admin.get({ action: "query", meta: "tokens", type: "userrights" })).query.tokens
    .userrightstoken as string;
  await admin.post({
    action: "userrights",
    user: subject,
    add: "bot",
    reason: "Promote the subject",
    token: rightsToken,
  });
  await admin.post({
    action: "block",
    user: subject,
    expiry: "1 week",
    nocreate: true,
    reason: "Block the subject",
    token: await admin.token("csrf"),
  });
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  const userId = await newUser(`log-rows-${randomUUID()}@example.org`);
  await linkAndSync(userId, "alpha");
  await linkAndSync(userId, "beta");
  const editorLink = await linkEditor(userId, network);
  const watched = await watchPages(userId, editorLink, [`User:${subject}`], { network });
  if (!watched.ok) throw new Error(watched.failure.message);
  await blockAndPromote();
  expect(
    await syncLink(editorLink, { network, settings: buildSyncSettings({}, 120), random: () => 0.5 }),
  ).toMatchObject({ status: "synced" });

  logRows = [];
  let before: string | null = null;
  do {
    const page = await loadTimelineView({ userId, timeZone: "UTC" }, { ...NO_FILTERS, types: ["log"] }, before, 500);
    logRows.push(...page.rows);
    before = page.nextCursor;
  } while (before !== null);
}, 300_000);

afterAll(async () => {
  await unwatchOnWiki([`User:${subject}`]);
  await removeEditorBotPassword();
});

describe("a log row in the timeline says what happened, from the stored logparams", () => {
  it("a move names its target", () => {
    expect(rowsOn(TITLES_EN.moveFrom).map(sentence)).toEqual([
      `Admin moved page ${TITLES_EN.moveFrom} to ${TITLES_EN.moveTo}`,
    ]);
    expect(rowsOn(TITLES_DE.moveFrom).map(sentence)).toEqual([
      `Admin moved page ${TITLES_DE.moveFrom} to ${TITLES_DE.moveTo}`,
    ]);
  });

  it("a protection gives its levels and expiry", () => {
    expect(rowsOn(TITLES_EN.protect).map(sentence)).toEqual([
      `Admin protected ${TITLES_EN.protect} [edit=sysop] (indefinite) [move=sysop] (indefinite)`,
    ]);
  });

  it("a deletion and a revision deletion say what they did", () => {
    expect(rowsOn(TITLES_EN.del).map(sentence)).toEqual([`Admin deleted page ${TITLES_EN.del}`]);
    expect(rowsOn(TITLES_EN.revdel).map(sentence).sort()).toEqual([
      `Admin changed visibility of a revision on page ${TITLES_EN.revdel}: edit summary hidden`,
      `Admin changed visibility of a revision on page ${TITLES_EN.revdel}: username hidden`,
    ]);
  });

  it("a block gives its duration and options, a rights change its groups from X to Y, an account creation its account", () => {
    const said = rowsOn(`User:${subject}`).map(sentence);
    expect(said).toContain(`Admin changed group membership for ${subject} from (none) to bot`);
    expect(said).toContain(`Admin created the user account ${subject}`);
    const block = said.find((text) => text?.includes(" blocked "));
    expect(block).toMatch(
      new RegExp(`^Admin blocked ${subject} with an expiration time of 1 week \\(.*account creation disabled.*\\)$`),
    );
    expect(said).toHaveLength(3);
  });

  it("links each name of the sentence on the row's wiki", () => {
    const move = rowsOn(TITLES_EN.moveFrom)[0]!;
    const names = move.logLine!.flatMap((part) => ("name" in part ? [part] : []));
    expect(names.map((part) => part.name)).toEqual(["Admin", TITLES_EN.moveFrom, TITLES_EN.moveTo]);
    for (const part of names) expect(part.href!.startsWith(new URL(move.pageUrl).origin)).toBe(true);
    expect(names[2]!.href).toBe(move.pageUrl.replace(/[^/]*$/, TITLES_EN.moveTo.replace(/ /g, "_")));
  });
});
