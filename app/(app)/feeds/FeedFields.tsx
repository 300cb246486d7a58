import { FEED_TEXT_SEARCH_ROWS } from "@/lib/feeds/feedTextSearch";

export interface FilterChoice {
  label: string;
  query: string;
}

/** The fields of a new feed address, personal or team: its name and which changes it carries. */
export function FeedFields({ idPrefix, choices }: { idPrefix: string; choices: FilterChoice[] }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>Feed name</label>
        <input id={`${idPrefix}-name`} name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-filters`}>Changes in the feed</label>
        <select id={`${idPrefix}-filters`} name="filters" aria-describedby={`${idPrefix}-filters-hint`}>
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
        <span id={`${idPrefix}-filters-hint`} className="hint">
          With a text filter, the feed looks for the text in its {FEED_TEXT_SEARCH_ROWS.toLocaleString("en")} newest
          changes only.
        </span>
      </div>
    </>
  );
}
