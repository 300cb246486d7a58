"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
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

const words = () => getTranslations("teams.actions");
const signedOut = async (): Promise<TeamSettingsState> => ({ ok: false, message: (await words())("signedOut") });
const id = z.uuid();

function settingsPath(teamId: string): string {
  return `/teams/${teamId}/settings`;
}

async function done(
  teamId: string,
  result: TeamResult<unknown>,
  message: "shared" | "unshared" | "removed" | "nowOwner",
): Promise<TeamSettingsState> {
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath(settingsPath(teamId));
  revalidatePath(`/teams/${teamId}`);
  return { ok: true, message: (await words())(message) };
}

export async function createInviteAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const days = z.coerce.number().int().safeParse(form.get("days"));
  const result = await createInvite(user.id, teamId, { validForDays: days.success ? days.data : 0 });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath(settingsPath(teamId));
  return {
    ok: true,
    message: (await words())("inviteCreated"),
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
  if (!user) return signedOut();
  const result = await setLinkShared(user.id, teamId, linkId, shared);
  return done(teamId, result, shared ? "shared" : "unshared");
}

export async function removeMemberAction(
  teamId: string,
  memberUserId: string,
  _previous: TeamSettingsState,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  return done(teamId, await removeMember(user.id, teamId, memberUserId), "removed");
}

export async function makeOwnerAction(
  teamId: string,
  memberUserId: string,
  _previous: TeamSettingsState,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  return done(teamId, await makeOwner(user.id, teamId, memberUserId), "nowOwner");
}

export async function leaveTeamAction(teamId: string, _previous: TeamSettingsState): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const result = await leaveTeam(user.id, teamId);
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/teams");
  redirect("/teams");
}

export async function deleteTeamAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  if (form.get("confirm") !== "yes") return { ok: false, message: (await words())("tickToDelete") };
  const result = await deleteTeam(user.id, teamId);
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/teams");
  redirect("/teams");
}

export async function createTeamFeedAction(
  teamId: string,
  _previous: TeamSettingsState,
  form: FormData,
): Promise<TeamSettingsState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const result = await createTeamFeed(user.id, teamId, {
    name: String(form.get("name") ?? ""),
    filterQuery: String(form.get("filters") ?? ""),
  });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath(settingsPath(teamId));
  return {
    ok: true,
    message: (await words())("feedCreated"),
    feedUrls: feedUrls(serverConfig().baseUrl, result.value.secret),
  };
}

export async function revokeTeamFeedAction(teamId: string, feedId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !id.safeParse(feedId).success) return;
  await revokeTeamFeed(user.id, teamId, feedId);
  revalidatePath(settingsPath(teamId));
}
