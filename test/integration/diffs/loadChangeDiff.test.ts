import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/postgres";
import { loadChangeDiff } from "@/lib/diffs/loadChangeDiff";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { NetError } from "@/lib/net/NetError";
import { createInvite, joinTeam } from "@/lib/teams/invites";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeam } from "@/lib/teams/teams";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import {
  addEditorBotPassword,
  countedNetwork,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  WIKI,
} from "@/test/integration/watching/watchingFixture";
import { apiClient, makeEdit } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";

const run = randomUUID().slice(0, 8);
const network = loopbackNetwork();
let owner: string;
let linkId: string;
let member: string;
let outsider: string;
let teamId: string;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  owner = await newUser("diff-owner");
  member = await newUser("diff-member");
  outsider = await newUser("diff-outsider");
  linkId = await linkEditor(owner, network);
  teamId = unwrap(await createTeam(owner, { name: `Diffs ${run}` })).teamId;
  unwrap(await joinTeam(member, unwrap(await createInvite(owner, teamId, { validForDays: 1 })).secret));
  unwrap(await setLinkShared(owner, teamId, linkId, true));
});

afterAll(async () => {
  await removeEditorBotPassword();
});

const mine = (): TimelineScope => ({ kind: "user", userId: owner });

/** The change as the sync stores it: a row of `changes` and the owner's link's sighting of it. */
async function storeChange(change: {
  title: string;
  kind: "edit" | "new" | "log";
  revId: number | null;
  oldRevId: number | null;
}): Promise<bigint> {
  const link = await prisma().wikiLink.findUniqueOrThrow({ where: { id: linkId } });
  const timestamp = new Date();
  const row = await prisma().change.create({
    data: {
      siteId: link.siteId,
      changeKey: change.revId === null ? `log:${randomUUID()}` : `rev:${change.revId}`,
      kind: change.kind,
      source: "api",
      namespace: 0,
      title: change.title,
      revId: change.revId === null ? null : BigInt(change.revId),
      oldRevId: change.oldRevId === null ? null : BigInt(change.oldRevId),
      userName: "Admin",
      userHidden: false,
      anon: false,
      commentHidden: false,
      timestamp,
      minor: false,
      bot: false,
      isNew: change.kind === "new",
    },
  });
  await prisma().linkChange.create({
    data: {
      linkId,
      changeId: row.id,
      userId: owner,
      siteId: link.siteId,
      timestamp,
      namespace: 0,
      kind: change.kind,
      minor: false,
      bot: false,
      anon: false,
      notificationTimestamp: null,
    },
  });
  return row.id;
}

/** A page with a first revision, then an edit adding `line`. */
async function pageWithAddedLine(label: string, line: string) {
  const title = `Diff ${label} ${run}`;
  const created = await makeEdit(WIKI, { title, text: "First line.\n", user: "Admin" });
  const edit = await makeEdit(WIKI, { title, appendtext: `\n${line}`, user: "Admin" });
  return { title, created, edit };
}

const storedDiffs = () => prisma().diff.count();

describe("the inline diff of a change", () => {
  it("shows the line an edit added in an added cell, and opens again from the cache without asking the wiki", async () => {
    const line = `Line added for the diff test ${run}`;
    const { title, edit } = await pageWithAddedLine("Added", line);
    const changeId = await storeChange({ title, kind: "edit", revId: edit.newrevid, oldRevId: edit.oldrevid });

    const counted = countedNetwork(network);
    const first = unwrap(await loadChangeDiff(mine(), changeId, counted));
    expect(first).toMatchObject({ title, fromRevId: edit.oldrevid, toRevId: edit.newrevid, cached: false });
    expect(first.bodyHtml).toMatch(new RegExp(`<td class="diff-addedline[^"]*"><div>${line}</div></td>`));
    expect(counted.requests).toBeGreaterThan(0);

    const again = countedNetwork(network);
    const second = unwrap(await loadChangeDiff(mine(), changeId, again));
    expect(again.requests).toBe(0);
    expect(second).toEqual({ ...first, cached: true });
  });

  it("compares a page creation against an empty page", async () => {
    const title = `Diff Created ${run}`;
    const created = await makeEdit(WIKI, { title, text: `Only line of a new page ${run}.\n`, user: "Admin" });
    const changeId = await storeChange({ title, kind: "new", revId: created.newrevid, oldRevId: 0 });
    const diff = unwrap(await loadChangeDiff(mine(), changeId, network));
    expect(diff).toMatchObject({ fromRevId: 0, toRevId: created.newrevid });
    expect(diff.bodyHtml).toContain("diff-empty");
    expect(diff.bodyHtml).toContain(`<div>Only line of a new page ${run}.</div>`);
  });

  it("is shown to team members through the shared link, anonymously, and to nobody else", async () => {
    const { title, edit } = await pageWithAddedLine("Team", `Team line ${run}`);
    const changeId = await storeChange({ title, kind: "edit", revId: edit.newrevid, oldRevId: edit.oldrevid });

    const asMember = unwrap(await loadChangeDiff({ kind: "team", teamId, memberUserId: member }, changeId, network));
    expect(asMember.bodyHtml).toContain(`Team line ${run}`);

    const notFound = { ok: false, failure: expect.objectContaining({ kind: "not_found", code: "change_not_found" }) };
    expect(await loadChangeDiff({ kind: "user", userId: outsider }, changeId, network)).toEqual(notFound);
    expect(await loadChangeDiff({ kind: "user", userId: member }, changeId, network)).toEqual(notFound);
    expect(await loadChangeDiff({ kind: "team", teamId, memberUserId: outsider }, changeId, network)).toEqual(notFound);
    expect(await loadChangeDiff(mine(), 987_654_321n, network)).toEqual(notFound);
  });

  it("says a revision whose text was deleted on the wiki was deleted or suppressed, and stores nothing", async () => {
    const { title, created, edit } = await pageWithAddedLine("Hidden", `Hidden line ${run}`);
    // The current revision's text cannot be hidden: a third edit makes the added line's revision an old one.
    await makeEdit(WIKI, { title, appendtext: "\nLater.", user: "Admin" });
    const admin = await apiClient(WIKI, "Admin");
    const hidden = await admin.post({
      action: "revisiondelete",
      type: "revision",
      target: title,
      ids: edit.newrevid,
      hide: "content",
      reason: "diff test",
      token: await admin.csrf(),
    });
    expect(hidden.revisiondelete?.status).toBe("Success");
    const changeId = await storeChange({ title, kind: "edit", revId: edit.newrevid, oldRevId: created.newrevid });

    const before = await storedDiffs();
    const diff = await loadChangeDiff(mine(), changeId, network);
    expect(diff).toEqual({
      ok: false,
      failure: {
        kind: "unavailable",
        code: "missingcontent",
        message: expect.stringMatching(/^This revision was deleted or suppressed on .+: its text is hidden/),
      },
    });
    expect(await storedDiffs()).toBe(before);
  });

  it("says a log entry has no diff, without asking the wiki", async () => {
    const changeId = await storeChange({ title: `Diff Log ${run}`, kind: "log", revId: null, oldRevId: null });
    const counted = countedNetwork(network);
    expect(await loadChangeDiff(mine(), changeId, counted)).toEqual({
      ok: false,
      failure: { kind: "invalid", code: "no_diff", message: "A log entry has no diff: the row says what was logged." },
    });
    expect(counted.requests).toBe(0);
  });

  it("says when the wiki cannot be reached", async () => {
    const { title, edit } = await pageWithAddedLine("Unreachable", `Unreachable line ${run}`);
    const changeId = await storeChange({ title, kind: "edit", revId: edit.newrevid, oldRevId: edit.oldrevid });
    const down: WikiNetwork = {
      ...network,
      fetch: (async () => {
        throw new NetError("unreachable", "127.0.0.1 could not be reached.");
      }) as unknown as WikiNetwork["fetch"],
    };
    expect(await loadChangeDiff({ kind: "team", teamId, memberUserId: member }, changeId, down)).toEqual({
      ok: false,
      failure: { kind: "transient", code: "unreachable", message: "127.0.0.1 could not be reached." },
    });
  });
});
