import { EXPIRY_PERIODS } from "@/lib/watching/expiry";

interface Props {
  idPrefix: string;
  label: string;
  allowKeep: boolean;
  /** What was chosen before a refusal, so the fields keep it. */
  typed?: { expiry: string; day: string };
}

/** The expiry choices as form fields `expiry` and `day`, shared by adding pages and changing one. */
export function ExpiryFields({ idPrefix, label, allowKeep, typed }: Props) {
  return (
    <>
      <label htmlFor={`${idPrefix}-expiry`}>{label}</label>
      <select id={`${idPrefix}-expiry`} name="expiry" defaultValue={typed?.expiry ?? (allowKeep ? "" : "permanent")}>
        {allowKeep && <option value="">as it is (permanent for new pages)</option>}
        <option value="permanent">permanently</option>
        {EXPIRY_PERIODS.map((period) => (
          <option key={period} value={period}>
            for {period}
          </option>
        ))}
        <option value="day">until the day below</option>
      </select>
      <label htmlFor={`${idPrefix}-day`}>Until (day, at most 6 months ahead)</label>
      <input id={`${idPrefix}-day`} name="day" type="date" defaultValue={typed?.day} />
    </>
  );
}
