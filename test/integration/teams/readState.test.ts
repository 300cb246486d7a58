import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/postgres";
import { createInvite, joinTeam } from "@/lib/teams/invites";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeam } from "@/lib/teams/teams";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { markChangeRead } from "@/lib/watching/markRead";
import { watchPages } from "@/lib/watching/watchPages";
import { linkWithBotPassword } from "@/test/integration/sync/syncTestKit";
import {
  addEditorBotPassword,
  editorOnWiki,
  freshPage,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
  watchStateOnWiki,
} from "@/test/integration/watching/watchingFixture";
import { makeEdit } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";
import { wholeTeamTimeline } from "./teamTestKit";

// Amy reads through Editor's watchlist (nobody's fixture), so marking read never touches the seeded
// watchlists; Bea's link (Bob's account) only needs its local row.
const network = loopbackNetwork();
let amy: string, bea: string, amyLink: string, beaLink: string, teamId: string;
let title: string;
let edit: { revId: number; timestamp: Date };
let changeId: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  const alpha = fixtureWiki(WIKI);
  amy = await newUser("read-amy");
  bea = await newUser("read-bea");
  amyLink = await linkEditor(amy, network);
  beaLink = await linkWithBotPassword(bea, alpha.apiUrl, "Bob@watchdeck", botPassword(alpha, "Bob@watchdeck"), network);

  const created = await createTeam(amy, { name: "Readers" });
  if (!created.ok) throw new Error(created.failure.message);
  teamId = created.value.teamId;
  const invite = await createInvite(amy, teamId, { validForDays: 7 });
  if (!invite.ok) throw new Error(invite.failure.message);
  expect(await joinTeam(bea, invite.value.secret)).toEqual({ ok: true, value: { teamId } });
  expect(await setLinkShared(amy, teamId, amyLink, true)).toMatchObject({ ok: true });
  expect(await setLinkShared(bea, teamId, beaLink, true)).toMatchObject({ ok: true });

  // A change Editor (Amy) has not seen on the wiki.
  title = await freshPage("TeamRead");
  const watched = await watchPages(amy, amyLink, [title], { network });
  if (!watched.ok) throw new Error(watched.failure.message);
  const made = await makeEdit(WIKI, { title, appendtext: "\nA change the team sees.", user: "Admin" });
  edit = { revId: made.newrevid, timestamp: new Date(made.newtimestamp) };
  const editor = await editorOnWiki();
  // The wiki sets the notification in a deferred update, after answering the edit.
  for (let tries = 0; (await watchStateOnWiki(editor, [title]))[title]?.notificationtimestamp == null; tries++) {
    if (tries > 50) throw new Error(`${title} never became unread for Editor`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Both members' links saw it, as a sync stores it: unread for Amy, already read by Bea.
  const link = await prisma().wikiLink.findUniqueOrThrow({ where: { id: amyLink } });
  const change = await prisma().change.create({
    data: {
      siteId: link.siteId,
      changeKey: `rev:${edit.revId}`,
      kind: "edit",
      source: "api",
      namespace: 0,
      title,
      revId: edit.revId,
      userName: "Admin",
      userHidden: false,
      anon: false,
      commentHidden: false,
      timestamp: edit.timestamp,
      minor: false,
      bot: false,
      isNew: false,
    },
  });
  changeId = String(change.id);
  for (const [linkId, userId, unreadSince] of [
    [amyLink, amy, edit.timestamp],
    [beaLink, bea, null],
  ] as const) {
    await prisma().linkChange.create({
      data: {
        linkId,
        changeId: change.id,
        userId,
        siteId: link.siteId,
        timestamp: edit.timestamp,
        namespace: 0,
        kind: "edit",
        minor: false,
        bot: false,
        anon: false,
        notificationTimestamp: unreadSince,
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await unwatchOnWiki([title]);
  await removeEditorBotPassword();
});

/** The change's row in the team view as the member sees it, and whether "unread only" keeps it. */
async function seenBy(userId: string) {
  const row = (await wholeTeamTimeline(teamId, userId)).find((r) => r.id === changeId);
  const inUnreadOnly = (await wholeTeamTimeline(teamId, userId, { ...NO_FILTERS, unreadOnly: true })).some(
    (r) => r.id === changeId,
  );
  return {
    unread: row?.unread,
    inUnreadOnly,
    unreadWatchers: row?.watchers.filter((w) => w.unread).map((w) => w.linkId),
  };
}

describe("read state in a team", () => {
  it("is each member's own: the view shows the viewer's unread marker, never another member's", async () => {
    expect(await seenBy(amy)).toEqual({ unread: true, inUnreadOnly: true, unreadWatchers: [amyLink] });
    expect(await seenBy(bea)).toEqual({ unread: false, inUnreadOnly: false, unreadWatchers: [] });
  });

  it("member A reading a change does not change member B's unread marker", async () => {
    const read = await markChangeRead(amy, amyLink, { title, revId: edit.revId }, { network });
    expect(read).toEqual({ ok: true, value: { unreadSince: null } });
    expect(await seenBy(amy)).toEqual({ unread: false, inUnreadOnly: false, unreadWatchers: [] });
    expect(await seenBy(bea)).toEqual({ unread: false, inUnreadOnly: false, unreadWatchers: [] });

    // Bea's marker is hers alone: unread for her, still read for Amy, who just read it.
    await prisma().linkChange.update({
      where: { linkId_changeId: { linkId: beaLink, changeId: BigInt(changeId) } },
      data: { notificationTimestamp: edit.timestamp },
    });
    expect(await seenBy(bea)).toEqual({ unread: true, inUnreadOnly: true, unreadWatchers: [beaLink] });
    expect(await seenBy(amy)).toEqual({ unread: false, inUnreadOnly: false, unreadWatchers: [] });
  });
});
