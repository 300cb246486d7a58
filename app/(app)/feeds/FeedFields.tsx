import { useTranslations } from "next-intl";
import { FEED_TEXT_SEARCH_ROWS } from "@/lib/feeds/feedTextSearch";

export interface FilterChoice {
  label: string;
  query: string;
}

/** The fields of a new feed address, personal or team: its name and which changes it carries. */
export function FeedFields({ idPrefix, choices }: { idPrefix: string; choices: FilterChoice[] }) {
  const t = useTranslations("feeds");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("name")}</label>
        <input id={`${idPrefix}-name`} name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-filters`}>{t("changes")}</label>
        <select id={`${idPrefix}-filters`} name="filters" aria-describedby={`${idPrefix}-filters-hint`}>
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
        <span id={`${idPrefix}-filters-hint`} className="hint">
          {t("textSearchHint", { rows: FEED_TEXT_SEARCH_ROWS })}
        </span>
      </div>
    </>
  );
}
