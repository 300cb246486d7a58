import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { failureMessage } from "@/app/i18n/failureMessage";
import { requireUser } from "@/lib/auth/currentUser";
import { loadTimelineScreen } from "@/lib/timeline/loadTimelineScreen";
import {
  hasActiveFilters,
  safeParseTimelineFilters,
  timelineFiltersToSearchParams,
} from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";
import { toTimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { watchingLinksOf } from "@/lib/watching/watchingLinks";
import { FilterBar } from "./timeline/FilterBar";
import { LinkNotices } from "./timeline/LinkNotices";
import { type PageSearchParams, toSearchParams } from "./timeline/pageSearchParams";
import { TimelineView } from "./timeline/TimelineView";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeline"))("title") };
}

export default async function TimelinePage({ searchParams }: { searchParams: PageSearchParams }) {
  const user = await requireUser();
  const t = await getTranslations("timeline");
  const given = toSearchParams(await searchParams);
  const parsed = safeParseTimelineFilters(given, await getLocale());
  if (!parsed.ok) {
    return (
      <main>
        <h1>{t("title")}</h1>
        <p className="error" role="alert">
          {await failureMessage(parsed.failure)}
        </p>
        <p>
          <Link href="/">{t("clearFilters")}</Link>
        </p>
      </main>
    );
  }
  const filterQuery = timelineFiltersToSearchParams(parsed.value).toString();
  // One address per filter set (a GET form also sends its defaults), so shared links and presets match.
  if (filterQuery !== given.toString()) redirect(filterQuery ? `/?${filterQuery}` : "/");

  const viewer = timelineViewerOf(user, await getLocale());
  const screen = await loadTimelineScreen(viewer, parsed.value);
  const links = watchingLinksOf(screen.links);
  if (screen.options.wikis.length === 0) {
    return (
      <main>
        <h1>{t("title")}</h1>
        <section className="card empty-state" aria-label={t("noWikis.label")}>
          <h2>{t("noWikis.heading")}</h2>
          <p>{t("noWikis.text")}</p>
          <p>
            <Link href="/wikis" className="button">
              {t("noWikis.link")}
            </Link>
          </p>
        </section>
      </main>
    );
  }
  const filtered = hasActiveFilters(parsed.value);
  return (
    <main className="tl-main">
      <h1>{t("title")}</h1>
      <LinkNotices problems={screen.syncProblems} links={links} />
      <FilterBar
        filters={parsed.value}
        filterQuery={filterQuery}
        options={screen.options}
        presets={screen.presets}
        filtered={filtered}
        highlightRules={screen.highlightRules}
      />
      <TimelineView
        key={`rows ${filterQuery}`}
        initial={toTimelineWirePage(screen.page, viewer)}
        filterQuery={filterQuery}
        empty={
          filtered ? (
            <section className="card empty-state" aria-label={t("noMatch.label")}>
              <h2>{t("noMatch.heading")}</h2>
              <p>
                <Link href="/" className="button">
                  {t("clearFilters")}
                </Link>
              </p>
            </section>
          ) : (
            <section className="card empty-state" aria-label={t("noChanges.label")}>
              <h2>{t("noChanges.heading")}</h2>
              <p>{t("noChanges.text")}</p>
            </section>
          )
        }
      />
    </main>
  );
}
