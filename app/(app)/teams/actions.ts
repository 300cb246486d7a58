"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { joinTeam } from "@/lib/teams/invites";
import { createTeam } from "@/lib/teams/teams";

export interface TeamFormState {
  ok: boolean;
  message?: string;
}

const SIGNED_OUT: TeamFormState = { ok: false, message: "Your session has ended. Sign in again." };

export async function createTeamAction(_previous: TeamFormState, form: FormData): Promise<TeamFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await createTeam(user.id, { name: String(form.get("name") ?? "") });
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/teams");
  redirect(`/teams/${result.value.teamId}/settings`);
}

export async function joinTeamAction(secret: string, _previous: TeamFormState): Promise<TeamFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await joinTeam(user.id, secret);
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/teams");
  redirect(`/teams/${result.value.teamId}/settings`);
}
