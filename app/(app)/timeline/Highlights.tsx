"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState } from "react";
import {
  freeColors,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightMark,
  type HighlightRuleView,
} from "@/lib/timeline/highlights/highlightRule";
import { deleteHighlightAction, type HighlightFormState, saveHighlightAction } from "./highlightActions";
import styles from "./highlights.module.css";

/** Tells the timeline (TimelineView) to load its rows again: their highlights changed. */
export const HIGHLIGHTS_CHANGED = "watchdeck:highlights-changed";
const announce = () => window.dispatchEvent(new CustomEvent(HIGHLIGHTS_CHANGED));

async function removeHighlight(form: FormData) {
  await deleteHighlightAction(form);
  announce();
}

/** The CSS class of a row some highlight rules match: the first (lowest) colour tints it. */
export function highlightRowClass(marks: readonly HighlightMark[] | undefined): string | undefined {
  const first = marks?.[0];
  return first ? `${styles.row} ${styles[first.color]}` : undefined;
}

/** One dot per matching rule, and for screen readers which rules they are. */
export function HighlightMarks({ marks }: { marks: readonly HighlightMark[] | undefined }) {
  const t = useTranslations("rows");
  if (!marks || marks.length === 0) return null;
  return (
    <span className={styles.dots} data-highlights={marks.map((mark) => mark.color).join(" ")}>
      {marks.map((mark) => (
        <span key={mark.color} className={`${styles.dot} ${styles[mark.color]}`} aria-hidden="true" />
      ))}
      <span className="visually-hidden">{t("highlighted", { names: marks.map((mark) => mark.name).join(", ") })}</span>
    </span>
  );
}

/** The user's highlight rules as chips in the filter bar: each in its colour, opening its filters, removable. */
export function HighlightChips({ rules }: { rules: HighlightRuleView[] }) {
  const t = useTranslations("filters");
  if (rules.length === 0) return null;
  return (
    <ul className={styles.rules} aria-label={t("highlights")}>
      {rules.map((rule) => (
        <li key={rule.id} className={`${styles.rule} ${styles[rule.color]}`}>
          <span className={`${styles.dot} ${styles[rule.color]}`} aria-hidden="true" />
          <Link href={rule.filterQuery ? `/?${rule.filterQuery}` : "/"}>{rule.name}</Link>
          <span className="visually-hidden">{t("highlightedIn", { color: t("color", { color: rule.color }) })}</span>
          {rule.minBytes !== null && <span>{t("minBytes", { bytes: rule.minBytes })}</span>}
          <form action={removeHighlight}>
            <input type="hidden" name="ruleId" value={rule.id} />
            <button
              type="submit"
              className="secondary tl-icon-button"
              aria-label={t("removeHighlightNamed", { name: rule.name })}
              title={t("removeHighlight")}
            >
              ×
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Highlight these in <colour>", as RC filters offers beside its filters: the current filters, and optionally a
 * byte size, become the condition of one of five colours (replacing what that colour highlighted).
 */
export function HighlightForm({ rules, filterQuery }: { rules: HighlightRuleView[]; filterQuery: string }) {
  const t = useTranslations("filters");
  const [state, save, saving] = useActionState<HighlightFormState, FormData>(saveHighlightAction, {
    error: null,
    saved: null,
  });
  const [color, setColor] = useState<HighlightColor>(freeColors(rules)[0] ?? "c1");
  const id = useId();
  const taken = new Map(rules.map((rule) => [rule.color, rule]));
  useEffect(() => {
    if (state.saved) announce();
  }, [state]);
  return (
    <form action={save} className={styles.form} aria-label={t("highlightForm")}>
      <input type="hidden" name="filterQuery" value={filterQuery} />
      <fieldset className={styles.colors}>
        <legend className="visually-hidden">{t("highlightColor")}</legend>
        {HIGHLIGHT_COLORS.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="color"
              value={choice}
              checked={color === choice}
              onChange={() => setColor(choice)}
            />
            <span className={`${styles.dot} ${styles[choice]}`} aria-hidden="true" />
            {t("color", { color: choice })}
            {taken.has(choice) && (
              <span className="visually-hidden"> {t("colorNow", { name: taken.get(choice)!.name })}</span>
            )}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-name`} className="visually-hidden">
        {t("highlightName")}
      </label>
      <input id={`${id}-name`} name="name" placeholder={t("highlightPlaceholder")} required maxLength={60} />
      <label htmlFor={`${id}-bytes`}>{t("bytesAtLeast")}</label>
      <input id={`${id}-bytes`} name="minBytes" type="number" min={1} step={1} className={styles.bytes} />
      <button type="submit" className="secondary" disabled={saving}>
        {t("highlightIn", { color: t("color", { color }) })}
      </button>
      <span role="status" className={state.error ? "field-error" : "notice"}>
        {state.error ?? state.saved ?? ""}
      </span>
    </form>
  );
}
