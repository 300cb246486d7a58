import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type FilterLabel, filterChips, filterToggles } from "@/lib/timeline/filterChips";
import type { TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import type { HighlightRuleView } from "@/lib/timeline/highlights/highlightRule";
import type { TimelinePresetView } from "@/lib/timeline/presets/timelinePreset";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { MarkAllRead } from "../watching/MarkAllRead";
import { FilterForm } from "./FilterForm";
import { HighlightChips, HighlightForm } from "./Highlights";
import { PresetChips, SavePresetForm } from "./PresetBar";

interface Props {
  filters: TimelineFilters;
  filterQuery: string;
  options: TimelineOptions;
  presets: TimelinePresetView[];
  filtered: boolean;
  /** The viewer's highlight rules; absent where highlights are not offered. */
  highlightRules?: HighlightRuleView[];
}

const at = (query: string) => (query ? `/?${query}` : "/");

/**
 * One compact bar above the timeline, as RC filters has it: one-click toggles, the active filters as chips
 * that remove themselves, presets, "Mark all read", the feed of the view, and every filter in a panel that
 * opens on demand. Every control is a link to the filtered address, so it works before scripts load.
 */
export function FilterBar({ filters, filterQuery, options, presets, filtered, highlightRules }: Props): ReactNode {
  const t = useTranslations("timeline");
  const chips = filterChips(filters, options);
  // An empty name is one unknown here: a wiki no longer linked, a former team member.
  const say = ({ key, values }: FilterLabel, group: "toggle" | "chip") =>
    t(
      `${group}.${key}` as never,
      {
        ...values,
        ...(values?.name === "" ? { name: t(key === "wiki" ? "chip.aWiki" : "chip.formerMember") } : {}),
      } as never,
    );
  const feedQuery = filterQuery ? `?filters=${encodeURIComponent(filterQuery)}` : "";
  return (
    <section className="tl-bar" aria-label={t("bar.label")}>
      <ul className="tl-chips" aria-label={t("bar.quick")}>
        {filterToggles(filters).map((toggle) => (
          <li key={toggle.label.key}>
            <Link href={at(toggle.query)} role="switch" aria-checked={toggle.on} className="tl-chip tl-tog">
              {say(toggle.label, "toggle")}
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 0 && (
        <ul className="tl-chips" aria-label={t("bar.active")}>
          {chips.map((chip) => (
            <li key={chip.query}>
              <Link
                href={at(chip.query)}
                className="tl-chip tl-on"
                aria-label={t("bar.remove", { filter: say(chip.label, "chip") })}
              >
                {say(chip.label, "chip")} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <PresetChips presets={presets} filterQuery={filterQuery} />
      {highlightRules && <HighlightChips rules={highlightRules} />}
      <span className="tl-bar-end">
        <MarkAllRead filterQuery={filterQuery} filtered={filtered} />
        <Link href={`/feeds${feedQuery}#create-feed-heading`}>{t("bar.feed")}</Link>
        <Link href={`/alerts/new${feedQuery}`}>{t("bar.alert")}</Link>
      </span>
      <FilterForm
        key={`filters ${filterQuery}`}
        filters={filters}
        options={options}
        after={
          <>
            <SavePresetForm filterQuery={filterQuery} />
            {highlightRules && <HighlightForm rules={highlightRules} filterQuery={filterQuery} />}
          </>
        }
      />
    </section>
  );
}
