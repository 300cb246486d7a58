"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FormMessage } from "../../wikis/FormMessage";
import { type AlertFormState, createAlertAction } from "../actions";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Props {
  choices: { label: string; query: string }[];
  teams: { id: string; name: string }[];
  team: string;
  /** Why email is off, when it is. */
  emailUnavailable: string | null;
  addresses: { id: string; address: string }[];
  browsers: { id: string; label: string }[];
}

/** An alert: which changes, whose timeline, when, and where to (webhook, email or browser notification). */
export function NewAlertForm({ choices, teams, team, emailUnavailable, addresses, browsers }: Props) {
  const [state, formAction, pending] = useActionState<AlertFormState, FormData>(createAlertAction, { ok: false });
  const [rhythm, setRhythm] = useState("immediate");
  const [channel, setChannel] = useState("webhook");
  if (state.ok && !state.secret) {
    return (
      <section className="card" aria-labelledby="alert-created-heading">
        <h2 id="alert-created-heading">Alert created</h2>
        <FormMessage ok message={state.message} />
        <p>
          <Link href="/alerts">Back to your alerts</Link>
        </p>
      </section>
    );
  }
  if (state.ok && state.secret) {
    return (
      <section className="card" aria-labelledby="alert-created-heading">
        <h2 id="alert-created-heading">Alert created</h2>
        <FormMessage ok message={state.message} />
        <div className="field">
          <label htmlFor="alert-secret">Signing secret</label>
          <input id="alert-secret" readOnly value={state.secret} aria-describedby="alert-secret-hint" />
          <span id="alert-secret-hint" className="hint">
            The HMAC-SHA256 key of the <code>X-Watchdeck-Signature</code> header; see the README for checking it.
          </span>
        </div>
        <p>
          <Link href="/alerts">Back to your alerts</Link>
        </p>
      </section>
    );
  }
  return (
    <form className="form" action={formAction} aria-labelledby="new-alert-heading">
      <h2 id="new-alert-heading">New alert</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="alert-name">Alert name</label>
        <input id="alert-name" name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="alert-filters">Changes that trigger it</label>
        <select id="alert-filters" name="filters">
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-team">Timeline</label>
        <select id="alert-team" name="team" defaultValue={team}>
          <option value="">My timeline</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              Team “{t.name}” (what I see of it)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="alert-rhythm">When</label>
        <select id="alert-rhythm" name="rhythm" value={rhythm} onChange={(e) => setRhythm(e.target.value)}>
          <option value="immediate">At once</option>
          <option value="hourly">Hourly digest</option>
          <option value="daily">Daily digest</option>
          <option value="weekly">Weekly digest</option>
        </select>
      </div>
      {rhythm === "weekly" ? (
        <div className="field">
          <label htmlFor="alert-weekday">Day</label>
          <select id="alert-weekday" name="weekday" defaultValue="1">
            {WEEKDAYS.map((day, i) => (
              <option key={day} value={i}>
                {day}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {rhythm === "daily" || rhythm === "weekly" ? (
        <div className="field">
          <label htmlFor="alert-hour">Hour (your time zone)</label>
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
        <label htmlFor="alert-channel">Send to</label>
        <select id="alert-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="webhook">A webhook</option>
          <option value="email">Email</option>
          <option value="push">Browser notification</option>
        </select>
      </div>
      {channel === "webhook" ? (
        <>
          <div className="field">
            <label htmlFor="alert-url">Webhook address</label>
            <input
              id="alert-url"
              name="webhookUrl"
              type="url"
              required
              placeholder="https://hooks.slack.com/services/…"
              aria-invalid={state.field === "webhookUrl" || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="alert-format">Format</label>
            <select id="alert-format" name="webhookFormat" defaultValue="json">
              <option value="json">JSON (signed; your own receiver)</option>
              <option value="slack">Slack-compatible (text and blocks)</option>
              <option value="discord">Discord-compatible (content and embeds)</option>
            </select>
          </div>
        </>
      ) : null}
      {channel === "email" ? (
        emailUnavailable ? (
          <p role="status">Email alerts are unavailable: {emailUnavailable}</p>
        ) : addresses.length === 0 ? (
          <p role="status">
            No confirmed address yet. <Link href="/alerts#alert-channels-heading">Add and confirm one</Link> first.
          </p>
        ) : (
          <div className="field">
            <label htmlFor="alert-email">Address</label>
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
            No browser has notifications on. <Link href="/alerts#alert-channels-heading">Turn them on</Link> first.
          </p>
        ) : (
          <div className="field">
            <label htmlFor="alert-push">Browser</label>
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
            <span className="hint">Browser notifications are for alerts sent at once.</span>
          </div>
        )
      ) : null}
      <div className="field">
        <label htmlFor="alert-first-sync">When a newly linked wiki syncs for the first time</label>
        <select id="alert-first-sync" name="firstSync" defaultValue="summary">
          <option value="summary">Send one summary</option>
          <option value="none">Send nothing</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>
        Create alert
      </button>
    </form>
  );
}
