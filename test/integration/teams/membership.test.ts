import { beforeAll, describe, expect, it } from "vitest";
import { hashUrlSecret } from "@/lib/crypto/urlSecret";
import { createInvite, findInvite, joinTeam, listInvites, revokeInvite } from "@/lib/teams/invites";
import { leaveTeam, makeOwner, removeMember, requireMember } from "@/lib/teams/members";
import { createTeamFeed } from "@/lib/teams/teamFeeds";
import { createTeam, deleteTeam } from "@/lib/teams/teams";
import { newUser, query } from "@/test/integration/sync/syncTestKit";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let owner: string, member: string, outsider: string;

async function newTeam(name = "Docs"): Promise<string> {
  const created = await createTeam(owner, { name });
  if (!created.ok) throw new Error(created.failure.message);
  return created.value.teamId;
}

async function invite(teamId: string, days = 7, now = new Date()): Promise<string> {
  const created = await createInvite(owner, teamId, { validForDays: days }, now);
  if (!created.ok) throw new Error(created.failure.message);
  return created.value.secret;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  owner = await newUser("m-owner@example.org");
  member = await newUser("m-member@example.org");
  outsider = await newUser("m-outsider@example.org");
});

describe("invitation links", () => {
  it("store only a hash of their secret, and let anyone holding one join as a member until they expire", async () => {
    const teamId = await newTeam();
    const secret = await invite(teamId, 1);
    const rows = await query<Record<string, unknown>>(`SELECT * FROM team_invites WHERE team_id = $1`, [teamId]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.secret_hash).toBe(hashUrlSecret(secret));

    const tomorrow = new Date(Date.now() + 86_400_000 + 1000);
    expect(await findInvite(secret, tomorrow)).toBeNull();
    expect(await joinTeam(member, secret, tomorrow)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await requireMember(teamId, member)).toMatchObject({ ok: false, failure: { kind: "not_found" } });

    expect(await joinTeam(member, secret)).toEqual({ ok: true, value: { teamId } });
    expect(await requireMember(teamId, member)).toEqual({ ok: true, value: "member" });
    expect(await joinTeam(member, secret)).toEqual({ ok: true, value: { teamId } });
  });

  it("stop working once revoked, and only owners make, see or revoke them", async () => {
    const teamId = await newTeam();
    const secret = await invite(teamId);
    expect(await joinTeam(member, secret)).toMatchObject({ ok: true });
    expect(await createInvite(member, teamId, { validForDays: 7 })).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await createInvite(outsider, teamId, { validForDays: 7 })).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await listInvites(member, teamId)).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await createInvite(owner, teamId, { validForDays: 365 })).toMatchObject({
      ok: false,
      failure: { kind: "invalid" },
    });

    const listed = await listInvites(owner, teamId);
    if (!listed.ok) throw new Error(listed.failure.message);
    expect(await revokeInvite(member, teamId, listed.value[0]!.id)).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await revokeInvite(owner, teamId, listed.value[0]!.id)).toEqual({ ok: true, value: undefined });
    expect(await joinTeam(outsider, secret)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await joinTeam(outsider, `wdi_${"x".repeat(43)}`)).toMatchObject({ ok: false });
    expect(await joinTeam(outsider, "not a secret")).toMatchObject({ ok: false });
  });
});

describe("membership", () => {
  it("keeps an owner: the only owner cannot leave while others remain, until someone else is made owner", async () => {
    const teamId = await newTeam();
    await joinTeam(member, await invite(teamId));
    expect(await leaveTeam(owner, teamId)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await makeOwner(member, teamId, member)).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await makeOwner(owner, teamId, member)).toEqual({ ok: true, value: undefined });
    expect(await leaveTeam(owner, teamId)).toEqual({ ok: true, value: { teamDeleted: false } });
    expect(await requireMember(teamId, owner)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    // The last member leaving deletes the team.
    expect(await leaveTeam(member, teamId)).toEqual({ ok: true, value: { teamDeleted: true } });
    expect(await query(`SELECT 1 FROM teams WHERE id = $1`, [teamId])).toEqual([]);
  });

  it("lets only owners remove members, and never outsiders learn the team exists", async () => {
    const teamId = await newTeam();
    await joinTeam(member, await invite(teamId));
    expect(await removeMember(member, teamId, owner)).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await removeMember(outsider, teamId, member)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await removeMember(owner, teamId, outsider)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await removeMember(owner, teamId, member)).toEqual({ ok: true, value: undefined });
    expect(await requireMember(teamId, member)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
  });

  it("deleting a team (owners only) removes its memberships, invitations and team feeds", async () => {
    const teamId = await newTeam();
    await joinTeam(member, await invite(teamId));
    expect(await createTeamFeed(member, teamId, { name: "All", filterQuery: "" })).toMatchObject({ ok: true });
    expect(await deleteTeam(member, teamId)).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await deleteTeam(outsider, teamId)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await deleteTeam(owner, teamId)).toEqual({ ok: true, value: undefined });
    for (const table of ["team_members", "team_invites", "feed_tokens", "team_shared_links"]) {
      expect(await query(`SELECT 1 FROM ${table} WHERE team_id = $1`, [teamId])).toEqual([]);
    }
  });
});
