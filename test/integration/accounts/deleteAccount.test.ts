import { beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/accounts/deleteAccount";
import { findUserById } from "@/lib/accounts/users";
import { createFeedToken } from "@/lib/feeds/feedTokens";
import { createInvite, joinTeam } from "@/lib/teams/invites";
import { createTeam } from "@/lib/teams/teams";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { parseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { countingNetwork, linkWithToken, newUser, query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

const PASSWORD = "long enough password";
const CONFIRMED = { currentPassword: PASSWORD, confirm: "yes" };

async function teamOf(ownerId: string, name: string, members: string[]): Promise<string> {
  const team = await createTeam(ownerId, { name });
  if (!team.ok) throw new Error("no team");
  for (const member of members) {
    const invite = await createInvite(ownerId, team.value.teamId, { validForDays: 1 });
    if (!invite.ok) throw new Error("no invite");
    await joinTeam(member, invite.value.secret);
  }
  return team.value.teamId;
}

const rolesIn = async (teamId: string) =>
  (
    await query<{ user_id: string; role: string }>(
      `SELECT user_id, role::text FROM team_members WHERE team_id = $1 ORDER BY joined_at`,
      [teamId],
    )
  ).map((r) => `${r.user_id}:${r.role}`);

describe("deleting an account", () => {
  it("deletes the user with their links, feeds, presets and memberships", async () => {
    const userId = await newUser("leaving@example.org");
    const alpha = fixtureWiki("alpha");
    const linkId = await linkWithToken(
      userId,
      alpha.apiUrl,
      "Alice",
      alpha.watchlistTokens.Alice!,
      "api",
      countingNetwork(),
    );
    await createFeedToken(userId, { name: "Mine", filterQuery: "" });
    await saveTimelinePreset(userId, "Preset", parseTimelineFilters(new URLSearchParams("")));
    const otherOwner = await newUser("stays@example.org");
    const joined = await teamOf(otherOwner, "Joined", [userId]);

    const user = (await findUserById(userId))!;
    expect(await deleteAccount(user, CONFIRMED)).toEqual({ ok: true });
    expect(await findUserById(userId)).toBeNull();
    const left = await query<{ n: number }>(
      `SELECT (SELECT count(*) FROM wiki_links WHERE id = $1) + (SELECT count(*) FROM feed_tokens WHERE user_id = $2)
            + (SELECT count(*) FROM timeline_presets WHERE user_id = $2) + (SELECT count(*) FROM team_members WHERE user_id = $2)
            + (SELECT count(*) FROM link_changes WHERE user_id = $2) AS n`,
      [linkId, userId],
    );
    expect(Number(left[0]!.n)).toBe(0);
    expect(await rolesIn(joined)).toEqual([`${otherOwner}:owner`]);
  });

  it("passes a team it owns alone to the longest-standing member, and deletes one it has to itself", async () => {
    const ownerId = await newUser("owner-leaving@example.org");
    const first = await newUser("first-member@example.org");
    const second = await newUser("second-member@example.org");
    const shared = await teamOf(ownerId, "Shared", [first, second]);
    const alone = await teamOf(ownerId, "Alone", []);

    expect(await deleteAccount((await findUserById(ownerId))!, CONFIRMED)).toEqual({ ok: true });
    expect(await rolesIn(shared)).toEqual([`${first}:owner`, `${second}:member`]);
    expect(await query(`SELECT id FROM teams WHERE id = $1`, [alone])).toEqual([]);
  });

  it("asks for the current password and the ticked box, and deletes nothing without them", async () => {
    const userId = await newUser("careful@example.org");
    const user = (await findUserById(userId))!;
    expect(await deleteAccount(user, { currentPassword: "not the password", confirm: "yes" })).toEqual({
      ok: false,
      failure: { kind: "auth", code: "wrong_current_password", message: "Your current password is not right." },
    });
    expect(await deleteAccount(user, { currentPassword: PASSWORD })).toMatchObject({ ok: false });
    expect(await findUserById(userId)).not.toBeNull();
  });
});
