"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { joinTeam } from "@/lib/teams/invites";
import { createTeam } from "@/lib/teams/teams";

export interface TeamFormState {
  ok: boolean;
  message?: string;
}

const signedOut = async (): Promise<TeamFormState> => ({
  ok: false,
  message: (await getTranslations("teams.actions"))("signedOut"),
});

export async function createTeamAction(_previous: TeamFormState, form: FormData): Promise<TeamFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const result = await createTeam(user.id, { name: String(form.get("name") ?? "") });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/teams");
  redirect(`/teams/${result.value.teamId}/settings`);
}

export async function joinTeamAction(secret: string, _previous: TeamFormState): Promise<TeamFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const result = await joinTeam(user.id, secret);
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/teams");
  redirect(`/teams/${result.value.teamId}/settings`);
}
