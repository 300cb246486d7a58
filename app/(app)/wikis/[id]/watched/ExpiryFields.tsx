import { useTranslations } from "next-intl";
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
  const t = useTranslations("wikis.watched");
  return (
    <>
      <label htmlFor={`${idPrefix}-expiry`}>{label}</label>
      <select id={`${idPrefix}-expiry`} name="expiry" defaultValue={typed?.expiry ?? (allowKeep ? "" : "permanent")}>
        {allowKeep && <option value="">{t("keep")}</option>}
        <option value="permanent">{t("permanently")}</option>
        {EXPIRY_PERIODS.map((period) => (
          <option key={period} value={period}>
            {t("for", { period: period.replace(" ", "") })}
          </option>
        ))}
        <option value="day">{t("untilDay")}</option>
      </select>
      <label htmlFor={`${idPrefix}-day`}>{t("day")}</label>
      <input id={`${idPrefix}-day`} name="day" type="date" defaultValue={typed?.day} />
    </>
  );
}
