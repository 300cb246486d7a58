"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/currentUser";
import { serverConfig } from "@/lib/config/serverConfig";
import { feedUrls } from "@/lib/feeds/feedTokens";
import { createInvite, inviteUrl, revokeInvite } from "@/lib/teams/invites";
import { leaveTeam, makeOwner, removeMember } from "@/lib/teams/members";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeamFeed, revokeTeamFeed } from "@/lib/teams/teamFeeds";
import type { TeamResult } from "@/lib/teams/teamResult";
import { deleteTeam } from "@/lib/teams/teams";

export interface TeamSettingsState {
  ok: boolean;
  message?: string;
  /** Shown once, right after creating it; never retrievable again. */
  inviteUrl?: string;
  feedUrls?: { rss: string; atom: string };
}

const SIGNED_OUT: TeamSettingsState = { ok: false, message: "Your session has ended. Sign in again." };
const id = z.uuid();

function settingsPath(teamId: string): string {
  return `/teams/${teamId}/settings`;
}

function done(teamId: string, result: TeamResult<unknown>, message: string): TeamSettingsState {
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath(settingsPath(teamId));
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message };
}

export async function createInviteAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const days = z.coerce.number().int().safeParse(form.get("days"));
  const result = await createInvite(user.id, teamId, { validForDays: days.success ? days.data : 0 });
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath(settingsPath(teamId));
  return {
    ok: true,
    message: "Invitation link created. Copy it now and send it to who should join: it will not be shown again.",
    inviteUrl: inviteUrl(serverConfig().baseUrl, result.value.secret),
  };
}

export async function revokeInviteAction(teamId: string, inviteId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !id.safeParse(inviteId).success) return;
  await revokeInvite(user.id, teamId, inviteId);
  revalidatePath(settingsPath(teamId));
}

export async function setShareAction(
  teamId: string,
  linkId: string,
  shared: boolean,
  _previous: TeamSettingsState,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await setLinkShared(user.id, teamId, linkId, shared);
  return done(teamId, result, shared ? "Shared with the team." : "No longer shared with the team.");
}

export async function removeMemberAction(
  teamId: string,
  memberUserId: string,
  _previous: TeamSettingsState,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  return done(teamId, await removeMember(user.id, teamId, memberUserId), "Removed from the team.");
}

export async function makeOwnerAction(
  teamId: string,
  memberUserId: string,
  _previous: TeamSettingsState,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  return done(teamId, await makeOwner(user.id, teamId, memberUserId), "Now an owner too.");
}

export async function leaveTeamAction(teamId: string, _previous: TeamSettingsState): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await leaveTeam(user.id, teamId);
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/teams");
  redirect("/teams");
}

export async function deleteTeamAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  if (form.get("confirm") !== "yes")
    return { ok: false, message: "Tick the box to confirm that the team is deleted for everyone." };
  const result = await deleteTeam(user.id, teamId);
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/teams");
  redirect("/teams");
}

export async function createTeamFeedAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await createTeamFeed(user.id, teamId, {
    name: String(form.get("name") ?? ""),
    filterQuery: String(form.get("filters") ?? ""),
  });
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath(settingsPath(teamId));
  return {
    ok: true,
    message:
      "Team feed created. Copy its address now: it will not be shown again. It stops working if you leave the team.",
    feedUrls: feedUrls(serverConfig().baseUrl, result.value.secret),
  };
}

export async function revokeTeamFeedAction(teamId: string, feedId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !id.safeParse(feedId).success) return;
  await revokeTeamFeed(user.id, teamId, feedId);
  revalidatePath(settingsPath(teamId));
}
