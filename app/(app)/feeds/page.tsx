import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { requireUser } from "@/lib/auth/currentUser";
import { loadFeedsScreen } from "@/lib/feeds/loadFeedsScreen";
import { filterChoiceWords, filterSetWords } from "../filterSetWords";
import { FeedsPanel } from "./FeedsPanel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("feeds");
  return { title: t("title") };
}

/** `?filters=<timeline query>` (from a timeline's "Feed of this view") preselects those filters. */
export default async function FeedsPage({ searchParams }: { searchParams: Promise<{ filters?: string | string[] }> }) {
  const user = await requireUser();
  const requested = (await searchParams).filters;
  const screen = await loadFeedsScreen(user.id, typeof requested === "string" ? requested : undefined);
  const [t, tFilters, format] = await Promise.all([
    getTranslations("feeds"),
    getTranslations("filterSets"),
    getFormatter(),
  ]);
  return (
    <main>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["feeds"]}>
        <FeedsPanel
          choices={screen.choices.map((choice) => ({
            label: filterChoiceWords(tFilters, choice.what),
            query: choice.query,
          }))}
          feeds={screen.feeds.map((feed) => ({
            id: feed.id,
            name: feed.name,
            filtersLabel: filterSetWords(tFilters, feed.filters),
            lastUsed: feed.lastUsedAt
              ? t("lastRead", { at: format.dateTime(feed.lastUsedAt, { dateStyle: "medium", timeStyle: "short" }) })
              : t("neverRead"),
          }))}
        />
      </ClientMessages>
    </main>
  );
}
