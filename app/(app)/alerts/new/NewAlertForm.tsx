"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "../../wikis/FormMessage";
import { type AlertFormState, createAlertAction } from "../actions";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Props {
  /** Sunday first, in the reader's language. */
  weekdays: string[];
  choices: { label: string; query: string }[];
  teams: { id: string; name: string }[];
  team: string;
  /** Why email is off, when it is. */
  emailUnavailable: string | null;
  addresses: { id: string; address: string }[];
  browsers: { id: string; label: string }[];
}

/** An alert: which changes, whose timeline, when, and where to (webhook, email or browser notification). */
export function NewAlertForm({ weekdays, choices, teams, team, emailUnavailable, addresses, browsers }: Props) {
  const [state, formAction, pending] = useActionState<AlertFormState, FormData>(createAlertAction, { ok: false });
  const [rhythm, setRhythm] = useState("immediate");
  const [channel, setChannel] = useState("webhook");
  const t = useTranslations("alerts.new");
  if (state.ok && !state.secret) {
    return (
      <section className="card" aria-labelledby="alert-created-heading">
        <h2 id="alert-created-heading">{t("created")}</h2>
        <FormMessage ok message={state.message} />
        <p>
          <Link href="/alerts">{t("back")}</Link>
        </p>
      </section>
    );
  }
  if (state.ok && state.secret) {
    return (
      <section className="card" aria-labelledby="alert-created-heading">
        <h2 id="alert-created-heading">{t("created")}</h2>
        <FormMessage ok message={state.message} />
        <div className="field">
          <label htmlFor="alert-secret">{t("secret")}</label>
          <input id="alert-secret" readOnly value={state.secret} aria-describedby="alert-secret-hint" />
          <span id="alert-secret-hint" className="hint">
            {t.rich("secretHint", { code: (chunks) => <code>{chunks}</code> })}
          </span>
        </div>
        <p>
          <Link href="/alerts">{t("back")}</Link>
        </p>
      </section>
    );
  }
  return (
    <form className="form" action={formAction} aria-labelledby="new-alert-heading">
      <h2 id="new-alert-heading">{t("title")}</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="alert-name">{t("name")}</label>
        <input id="alert-name" name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="alert-filters">{t("filters")}</label>
        <select id="alert-filters" name="filters">
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-team">{t("timeline")}</label>
        <select id="alert-team" name="team" defaultValue={team}>
          <option value="">{t("myTimeline")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {t("teamTimeline", { name: team.name })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-rhythm">{t("when")}</label>
        <select id="alert-rhythm" name="rhythm" value={rhythm} onChange={(e) => setRhythm(e.target.value)}>
          <option value="immediate">{t("rhythmImmediate")}</option>
          <option value="hourly">{t("rhythmHourly")}</option>
          <option value="daily">{t("rhythmDaily")}</option>
          <option value="weekly">{t("rhythmWeekly")}</option>
        </select>
      </div>
      {rhythm === "weekly" ? (
        <div className="field">
          <label htmlFor="alert-weekday">{t("day")}</label>
          <select id="alert-weekday" name="weekday" defaultValue="1">
            {weekdays.map((day, i) => (
              <option key={day} value={i}>
                {day}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {rhythm === "daily" || rhythm === "weekly" ? (
        <div className="field">
          <label htmlFor="alert-hour">{t("hour")}</label>
          <select id="alert-hour" name="hour" defaultValue="8">
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="alert-channel">{t("sendTo")}</label>
        <select id="alert-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="webhook">{t("webhook")}</option>
          <option value="email">{t("email")}</option>
          <option value="push">{t("push")}</option>
        </select>
      </div>
      {channel === "webhook" ? (
        <>
          <div className="field">
            <label htmlFor="alert-url">{t("webhookUrl")}</label>
            <input
              id="alert-url"
              name="webhookUrl"
              type="url"
              required
              placeholder={t("webhookPlaceholder")}
              aria-invalid={state.field === "webhookUrl" || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="alert-format">{t("format")}</label>
            <select id="alert-format" name="webhookFormat" defaultValue="json">
              <option value="json">{t("formatJson")}</option>
              <option value="slack">{t("formatSlack")}</option>
              <option value="discord">{t("formatDiscord")}</option>
            </select>
          </div>
        </>
      ) : null}
      {channel === "email" ? (
        emailUnavailable ? (
          <p role="status">{t("emailUnavailable", { reason: emailUnavailable })}</p>
        ) : addresses.length === 0 ? (
          <p role="status">
            {t.rich("noAddress", { add: (chunks) => <Link href="/alerts#alert-channels-heading">{chunks}</Link> })}
          </p>
        ) : (
          <div className="field">
            <label htmlFor="alert-email">{t("address")}</label>
            <select id="alert-email" name="emailAddress" aria-invalid={state.field === "emailAddress" || undefined}>
              {addresses.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.address}
                </option>
              ))}
            </select>
          </div>
        )
      ) : null}
      {channel === "push" ? (
        browsers.length === 0 ? (
          <p role="status">
            {t.rich("noBrowser", { on: (chunks) => <Link href="/alerts#alert-channels-heading">{chunks}</Link> })}
          </p>
        ) : (
          <div className="field">
            <label htmlFor="alert-push">{t("browser")}</label>
            <select
              id="alert-push"
              name="pushSubscription"
              aria-invalid={state.field === "pushSubscription" || undefined}
            >
              {browsers.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
            <span className="hint">{t("pushHint")}</span>
          </div>
        )
      ) : null}
      <div className="field">
        <label htmlFor="alert-first-sync">{t("firstSync")}</label>
        <select id="alert-first-sync" name="firstSync" defaultValue="summary">
          <option value="summary">{t("firstSyncSummary")}</option>
          <option value="none">{t("firstSyncNone")}</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
