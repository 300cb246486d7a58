import type { getTranslations } from "next-intl/server";
import type { FilterSetKind } from "@/lib/feeds/feedFilterChoices";

type T = Awaited<ReturnType<typeof getTranslations<"filterSets">>>;

/** What a filter set is, in the reader's words (alerts and feeds name their filters alike). */
export function filterSetWords(t: T, what: FilterSetKind): string {
  switch (what.kind) {
    case "everything":
      return t("everything");
    case "preset":
      return t("preset", { name: what.name });
    case "filters":
      return t("filters", { filters: what.filters });
    case "view":
      return what.of.kind === "preset"
        ? t("viewPreset", { name: what.of.name })
        : t("viewFilters", { filters: what.of.filters });
  }
}

/** A choice of the new-alert and new-feed forms: "Everything on my timeline", "Preset: …", the view. */
export function filterChoiceWords(t: T, what: FilterSetKind): string {
  if (what.kind === "everything") return t("everythingOnTimeline");
  if (what.kind === "preset") return t("presetChoice", { name: what.name });
  return filterSetWords(t, what);
}
