"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { TimelinePresetView } from "@/lib/timeline/presets/timelinePreset";
import { deletePresetAction, type PresetFormState, savePresetAction } from "./presetActions";

/** Saved filter sets as chips of the filter bar: open one, or delete it. */
export function PresetChips({ presets, filterQuery }: { presets: TimelinePresetView[]; filterQuery: string }) {
  if (presets.length === 0) return null;
  return (
    <section className="tl-presets" aria-label="Saved filters">
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
              <button type="submit" className="tl-x" aria-label={`Delete preset ${preset.name}`} title="Delete preset">
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
  const [state, save, saving] = useActionState<PresetFormState, FormData>(savePresetAction, {
    error: null,
    saved: null,
  });
  return (
    <form action={save} className="tl-preset-save">
      <input type="hidden" name="filterQuery" value={filterQuery} />
      <label htmlFor="tl-preset-name" className="visually-hidden">
        Preset name
      </label>
      <input id="tl-preset-name" name="name" placeholder="Name these filters" required maxLength={80} />
      <button type="submit" className="secondary" disabled={saving}>
        Save preset
      </button>
      <span role="status" className={state.error ? "field-error" : "notice"}>
        {state.error ?? (state.saved ? `Saved “${state.saved}”.` : "")}
      </span>
    </form>
  );
}
