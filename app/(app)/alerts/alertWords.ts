import type { getTranslations } from "next-intl/server";
import { weekdayNames } from "@/app/i18n/weekdays";
import type { AlertRhythm } from "@/lib/alerts/alertTypes";

type T = Awaited<ReturnType<typeof getTranslations<"alerts">>>;

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
