import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/credentialsSchema";
import { timeZoneChoices } from "@/lib/accounts/timeZones";
import { requireUser } from "@/lib/auth/currentUser";
import { COMPLETE_LOCALES, LOCALES, localeDirection } from "@/lib/i18n/locales";
import { AccountForm } from "./AccountForm";
import {
  changeEmailAction,
  changeLocaleAction,
  changePasswordAction,
  changeTimeZoneAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** Each language by its own name, as MediaWiki's language selector lists them. */
function nativeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <main className="account">
      <h1>{t("title")}</h1>
      <AccountForm
        id="password"
        heading={t("password.heading")}
        action={changePasswordAction}
        submit={t("password.submit")}
      >
        <div className="field">
          <label htmlFor="current-password">{t("password.current")}</label>
          <input
            id="current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">{t("password.new")}</label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
          />
          <span className="hint">{t("password.hint", { min: PASSWORD_MIN_LENGTH })}</span>
        </div>
        <div className="field">
          <label htmlFor="confirm-password">{t("password.again")}</label>
          <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
        </div>
      </AccountForm>

      <AccountForm id="email" heading={t("email.heading")} action={changeEmailAction} submit={t("email.submit")}>
        <div className="field">
          <label htmlFor="account-email">{t("email.label")}</label>
          <input id="account-email" name="email" type="email" autoComplete="email" defaultValue={user.email} required />
        </div>
      </AccountForm>

      <AccountForm
        id="language"
        heading={t("language.heading")}
        action={changeLocaleAction}
        submit={t("language.submit")}
      >
        <div className="field">
          <label htmlFor="account-language">{t("language.label")}</label>
          <select id="account-language" name="locale" defaultValue={user.locale ?? ""}>
            <option value="">{t("language.browser")}</option>
            {LOCALES.map((choice) => (
              <option key={choice} value={choice} lang={choice} dir={localeDirection(choice)}>
                {COMPLETE_LOCALES.includes(choice)
                  ? nativeName(choice)
                  : t("language.layoutCheck", { name: nativeName(choice) })}
              </option>
            ))}
          </select>
          <span className="hint">{t("language.hint")}</span>
        </div>
      </AccountForm>

      <AccountForm
        id="time-zone"
        heading={t("timeZone.heading")}
        action={changeTimeZoneAction}
        submit={t("timeZone.submit")}
      >
        <div className="field">
          <label htmlFor="account-time-zone">{t("timeZone.label")}</label>
          <select id="account-time-zone" name="timeZone" defaultValue={user.timeZone ?? "UTC"}>
            {timeZoneChoices().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <span className="hint">{t("timeZone.hint")}</span>
        </div>
      </AccountForm>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("sessions.heading")}</h2>
        <p>{t("sessions.text")}</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="secondary">
            {t("sessions.submit")}
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("export.heading")}</h2>
        <p>{t("export.text")}</p>
        <p>
          <a href="/account/export" download className="button">
            {t("export.link")}
          </a>
        </p>
      </section>

      <AccountForm id="delete" heading={t("delete.heading")} action={deleteAccountAction} submit={t("delete.submit")}>
        <p>
          {t("delete.text")} {t("delete.teamRule")}
        </p>
        <div className="field">
          <label htmlFor="delete-password">{t("delete.password")}</label>
          <input id="delete-password" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <label className="check">
          <input type="checkbox" name="confirm" value="yes" required /> {t("delete.confirm")}
        </label>
      </AccountForm>
    </main>
  );
}
