import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { failureMessage } from "@/app/i18n/failureMessage";
import { requireUser } from "@/lib/auth/currentUser";
import { loadTeamTimelineScreen } from "@/lib/teams/teamScreens";
import {
  hasActiveFilters,
  NO_FILTERS,
  safeParseTimelineFilters,
  timelineFiltersToSearchParams,
} from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";
import { toTimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { FilterForm } from "../../timeline/FilterForm";
import { type PageSearchParams, toSearchParams } from "../../timeline/pageSearchParams";
import { TimelineView } from "../../timeline/TimelineView";
import { WatchedByField } from "./WatchedByField";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.timeline");
  return { title: t("title") };
}

export default async function TeamTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: PageSearchParams;
}) {
  const user = await requireUser();
  const { id } = await params;
  const given = toSearchParams(await searchParams);
  const parsed = safeParseTimelineFilters(given, await getLocale());
  const home = `/teams/${id}`;
  // Filters are read only after membership is known, so a non-member learns nothing, not even "bad filter".
  const viewer = timelineViewerOf(user, await getLocale());
  const screen = await loadTeamTimelineScreen(id, viewer, parsed.ok ? parsed.value : NO_FILTERS);
  if (!screen) notFound();
  const t = await getTranslations("teams.timeline");
  if (!parsed.ok) {
    return (
      <main>
        <h1>{screen.team.name}</h1>
        <p className="error" role="alert">
          {await failureMessage(parsed.failure)}
        </p>
        <p>
          <Link href={home}>{t("clearFilters")}</Link>
        </p>
      </main>
    );
  }
  const filterQuery = timelineFiltersToSearchParams(parsed.value).toString();
  if (filterQuery !== given.toString()) redirect(filterQuery ? `${home}?${filterQuery}` : home);

  const { team } = screen;
  const watcherNames = Object.fromEntries(team.members.map((m) => [m.userId, m.name]));
  const sharing = team.members.some((m) => m.sharedLinks.length > 0);
  const feedQuery = filterQuery ? `?filters=${encodeURIComponent(filterQuery)}` : "";
  return (
    <main className="tl-main">
      <h1>{team.name}</h1>
      <p className="actions-row">
        <Link href={`/teams/${id}/settings`}>{t("settingsLink")}</Link>
        <Link href={`/teams/${id}/settings${feedQuery}#team-feeds`}>{t("feedOfView")}</Link>
      </p>
      {!sharing ? (
        <section className="card empty-state" aria-label={t("nothingSharedLabel")}>
          <h2>{t("nothingShared")}</h2>
          <p>{t("nothingSharedHint")}</p>
          <p>
            <Link href={`/teams/${id}/settings#share-heading`} className="button">
              {t("shareWiki")}
            </Link>
          </p>
        </section>
      ) : (
        <>
          {/* Open from the start, the panel's words come with the page (not loaded later, as on the timeline). */}
          <ClientMessages namespaces={["filters", "rows"]}>
            <FilterForm
              key={`filters ${filterQuery}`}
              filters={parsed.value}
              options={screen.options}
              action={home}
              open
            >
              <WatchedByField members={team.members} selected={parsed.value.watchedBy} />
            </FilterForm>
          </ClientMessages>
          <TimelineView
            key={`rows ${filterQuery}`}
            initial={toTimelineWirePage(screen.page, viewer)}
            filterQuery={filterQuery}
            apiPath={`/api/teams/${id}/timeline`}
            watcherNames={watcherNames}
            teamId={id}
            empty={
              hasActiveFilters(parsed.value) ? (
                <section className="card empty-state" aria-label={t("noMatchLabel")}>
                  <h2>{t("noMatch")}</h2>
                  <p>
                    <Link href={home} className="button">
                      {t("clearFilters")}
                    </Link>
                  </p>
                </section>
              ) : (
                <section className="card empty-state" aria-label={t("noChangesLabel")}>
                  <h2>{t("noChanges")}</h2>
                  <p>{t("noChangesHint")}</p>
                </section>
              )
            }
          />
        </>
      )}
    </main>
  );
}
