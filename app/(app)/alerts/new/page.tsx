import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { weekdayNames } from "@/app/i18n/weekdays";
import { loadChannelChoices } from "@/lib/alerts/channelTargets";
import { loadNewAlertScreen } from "@/lib/alerts/loadAlertsScreen";
import { requireUser } from "@/lib/auth/currentUser";
import { filterChoiceWords } from "../../filterSetWords";
import { NewAlertForm } from "./NewAlertForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts.new");
  return { title: t("title") };
}

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
  const [t, tFilters, locale] = await Promise.all([
    getTranslations("alerts"),
    getTranslations("filterSets"),
    getLocale(),
  ]);
  const team = typeof params.team === "string" && screen.teams.some((t) => t.id === params.team) ? params.team : "";
  return (
    <main>
      <h1>{t("new.title")}</h1>
      <p>{t.rich("new.intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <ClientMessages namespaces={["alerts"]}>
        <NewAlertForm
          weekdays={weekdayNames(locale)}
          choices={screen.choices.map((choice) => ({
            label: filterChoiceWords(tFilters, choice.what),
            query: choice.query,
          }))}
          teams={screen.teams}
          team={team}
          emailUnavailable={channels.email.available ? null : channels.email.reason}
          addresses={channels.addresses.filter((a) => a.verifiedAt !== null)}
          browsers={channels.browsers}
        />
      </ClientMessages>
    </main>
  );
}
