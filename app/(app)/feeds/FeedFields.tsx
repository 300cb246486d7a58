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
        <select id={`${idPrefix}-filters`} name="filters">
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
