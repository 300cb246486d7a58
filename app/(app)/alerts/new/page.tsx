import type { Metadata } from "next";
import { loadChannelChoices } from "@/lib/alerts/channelTargets";
import { loadNewAlertScreen } from "@/lib/alerts/loadAlertsScreen";
import { requireUser } from "@/lib/auth/currentUser";
import { NewAlertForm } from "./NewAlertForm";

export const metadata: Metadata = { title: "New alert" };

/** `?filters=<timeline query>` (the timeline's "Create alert from this view") preselects those filters; `?team=<id>` the team. */
export default async function NewAlertPage({
  searchParams,
}: {
  searchParams: Promise<{ filters?: string | string[]; team?: string | string[] }>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const [screen, channels] = await Promise.all([
    loadNewAlertScreen(user.id, typeof params.filters === "string" ? params.filters : undefined),
    loadChannelChoices(user.id),
  ]);
  const team = typeof params.team === "string" && screen.teams.some((t) => t.id === params.team) ? params.team : "";
  return (
    <main>
      <h1>New alert</h1>
      <p>
        Watchdeck sends the matching changes as they are stored, or collects them into a digest: to a webhook (each
        request carries an <code>Idempotency-Key</code> and is signed with the alert’s secret), by email to a confirmed
        address, or as a notification in a browser.
      </p>
      <NewAlertForm
        choices={screen.choices}
        teams={screen.teams}
        team={team}
        emailUnavailable={channels.email.available ? null : channels.email.reason}
        addresses={channels.addresses.filter((a) => a.verifiedAt !== null)}
        browsers={channels.browsers}
      />
    </main>
  );
}
