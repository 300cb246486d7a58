import type { Metadata } from "next";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/credentialsSchema";
import { TEAM_RULE } from "@/lib/accounts/deleteAccount";
import { timeZoneChoices } from "@/lib/accounts/timeZones";
import { requireUser } from "@/lib/auth/currentUser";
import { AccountForm } from "./AccountForm";
import {
  changeEmailAction,
  changePasswordAction,
  changeTimeZoneAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <main className="account">
      <h1>Account</h1>
      <AccountForm id="password" heading="Change password" action={changePasswordAction} submit="Change password">
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input
            id="current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
          />
          <span className="hint">
            At least {PASSWORD_MIN_LENGTH} characters, and not one of the most common passwords. Every other session is
            signed out.
          </span>
        </div>
        <div className="field">
          <label htmlFor="confirm-password">New password again</label>
          <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
        </div>
      </AccountForm>

      <AccountForm id="email" heading="Change email" action={changeEmailAction} submit="Change email">
        <div className="field">
          <label htmlFor="account-email">Email</label>
          <input id="account-email" name="email" type="email" autoComplete="email" defaultValue={user.email} required />
        </div>
      </AccountForm>

      <AccountForm id="time-zone" heading="Time zone" action={changeTimeZoneAction} submit="Save time zone">
        <div className="field">
          <label htmlFor="account-time-zone">Time zone</label>
          <select id="account-time-zone" name="timeZone" defaultValue={user.timeZone ?? "UTC"}>
            {timeZoneChoices().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <span className="hint">The timeline shows times, and reads date filters, in this zone.</span>
        </div>
      </AccountForm>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signs you out here and in every other browser and device.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="secondary">
            Sign out everywhere
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export your data</h2>
        <p>
          Your account, linked wikis (without their passwords or tokens), presets, feeds (without their secret
          addresses), teams and unread pages, as JSON.
        </p>
        <p>
          <a href="/account/export" download className="button">
            Download my data (JSON)
          </a>
        </p>
      </section>

      <AccountForm id="delete" heading="Delete account" action={deleteAccountAction} submit="Delete my account">
        <p>
          Deletes your account with its linked wikis and their secrets, presets, feeds and team memberships. This cannot
          be undone. {TEAM_RULE}
        </p>
        <div className="field">
          <label htmlFor="delete-password">Current password</label>
          <input id="delete-password" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <label className="check">
          <input type="checkbox" name="confirm" value="yes" required /> Delete my account and all its data
        </label>
      </AccountForm>
    </main>
  );
}
