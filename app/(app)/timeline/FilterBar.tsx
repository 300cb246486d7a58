import Link from "next/link";
import type { ReactNode } from "react";
import { filterChips, filterToggles } from "@/lib/timeline/filterChips";
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
  const chips = filterChips(filters, options);
  const feedQuery = filterQuery ? `?filters=${encodeURIComponent(filterQuery)}` : "";
  return (
    <section className="tl-bar" aria-label="Filters">
      <ul className="tl-chips" aria-label="Quick filters">
        {filterToggles(filters).map((toggle) => (
          <li key={toggle.label}>
            <Link href={at(toggle.query)} role="switch" aria-checked={toggle.on} className="tl-chip tl-tog">
              {toggle.label}
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 0 && (
        <ul className="tl-chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.label}>
              <Link href={at(chip.query)} className="tl-chip tl-on" aria-label={`Remove filter: ${chip.label}`}>
                {chip.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <PresetChips presets={presets} filterQuery={filterQuery} />
      {highlightRules && <HighlightChips rules={highlightRules} />}
      <span className="tl-bar-end">
        <MarkAllRead filterQuery={filterQuery} filtered={filtered} wikis={filters.wikis} />
        <Link href={`/feeds${feedQuery}#create-feed-heading`}>Feed of this view</Link>
        <Link href={`/alerts/new${feedQuery}`}>Create alert from this view</Link>
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
