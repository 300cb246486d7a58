"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { TimelinePresetView } from "@/lib/timeline/presets/timelinePreset";
import { deletePresetAction, type PresetFormState, savePresetAction } from "./presetActions";

/** Saved filter sets as chips of the filter bar: open one, or delete it. */
export function PresetChips({ presets, filterQuery }: { presets: TimelinePresetView[]; filterQuery: string }) {
  const t = useTranslations("filters");
  if (presets.length === 0) return null;
  return (
    <section className="tl-presets" aria-label={t("presets")}>
      <ul className="tl-chips">
        {presets.map((preset) => (
          <li key={preset.id} className="tl-chip tl-preset">
            <Link
              href={preset.filterQuery ? `/?${preset.filterQuery}` : "/"}
              aria-current={preset.filterQuery === filterQuery ? "true" : undefined}
            >
              {preset.name}
            </Link>
            <form action={deletePresetAction}>
              <input type="hidden" name="presetId" value={preset.id} />
              <button
                type="submit"
                className="tl-x"
                aria-label={t("deletePresetNamed", { name: preset.name })}
                title={t("deletePreset")}
              >
                ×
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Saves the current filters under a name (in the filter panel). */
export function SavePresetForm({ filterQuery }: { filterQuery: string }) {
  const t = useTranslations("filters");
  const [state, save, saving] = useActionState<PresetFormState, FormData>(savePresetAction, {
    error: null,
    saved: null,
  });
  return (
    <form action={save} className="tl-preset-save">
      <input type="hidden" name="filterQuery" value={filterQuery} />
      <label htmlFor="tl-preset-name" className="visually-hidden">
        {t("presetName")}
      </label>
      <input id="tl-preset-name" name="name" placeholder={t("presetPlaceholder")} required maxLength={80} />
      <button type="submit" className="secondary" disabled={saving}>
        {t("savePreset")}
      </button>
      <span role="status" className={state.error ? "field-error" : "notice"}>
        {state.error ?? (state.saved ? t("presetSaved", { name: state.saved }) : "")}
      </span>
    </form>
  );
}
