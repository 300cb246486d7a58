import type { AlertRhythm } from "@/lib/alerts/alertTypes";
import type { FilterSetKind } from "@/lib/feeds/feedFilterChoices";
import type { getTranslations } from "next-intl/server";
import { weekdayNames } from "@/app/i18n/weekdays";

type T = Awaited<ReturnType<typeof getTranslations<"alerts">>>;

/** What a filter set is, in the reader's words (t of the `alerts` namespace; feeds use the same words). */
export function filterSetWords(t: T, what: FilterSetKind): string {
  switch (what.kind) {
    case "everything":
      return t("filters.everything");
    case "preset":
      return t("filters.preset", { name: what.name });
    case "filters":
      return t("filters.filters", { filters: what.filters });
    case "view":
      return what.of.kind === "preset"
        ? t("filters.viewPreset", { name: what.of.name })
        : t("filters.viewFilters", { filters: what.of.filters });
  }
}

/** A choice of the new-alert and new-feed forms: "Everything on my timeline", "Preset: …", the view. */
export function filterChoiceWords(t: T, what: FilterSetKind): string {
  if (what.kind === "everything") return t("filters.everythingOnTimeline");
  if (what.kind === "preset") return t("filters.presetChoice", { name: what.name });
  return filterSetWords(t, what);
}

export function rhythmWords(t: T, rhythm: AlertRhythm, locale: string): string {
  const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
  switch (rhythm.kind) {
    case "immediate":
      return t("rhythm.immediate");
    case "hourly":
      return t("rhythm.hourly");
    case "daily":
      return t("rhythm.daily", { hour: hour(rhythm.hour) });
    case "weekly":
      return t("rhythm.weekly", { weekday: weekdayNames(locale)[rhythm.weekday] ?? "", hour: hour(rhythm.hour) });
  }
}
