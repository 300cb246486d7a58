"use client";

import { useEffect, useState } from "react";
import { utcMinute } from "@/app/(app)/watching/utcMinute";
import type { LinkSyncStatusJson } from "@/lib/sync/syncStatusJson";

const POLL_MS = 2_000;

/** What marks a finished sync: it moves one of these. */
const outcomeOf = (s: LinkSyncStatusJson) => `${s.lastSuccessAt ?? ""}|${s.lastErrorAt ?? ""}`;

function When({ iso, otherwise }: { iso: string | null; otherwise: string }) {
  return iso === null ? otherwise : <time dateTime={iso}>{utcMinute(iso)}</time>;
}

/** A link's sync on its card: last and next sync, what was fetched, the last error, and "Sync now" with progress. */
export function LinkSyncStatus({ initial }: { initial: LinkSyncStatusJson }) {
  const [status, setStatus] = useState(initial);
  // Set by "Sync now" until the sync it asked for has finished, so progress shows before a worker takes the job.
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const [requestError, setRequestError] = useState<string | null>(null);
  const busy = status.running || waitingFor !== null;
  const watching = busy || status.state === "never";
  const name = status.displayName;

  useEffect(() => {
    if (!watching) return;
    let live = true;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/links/${status.linkId}/sync`, { cache: "no-store" }).catch(() => null);
      if (!live || !response?.ok) return;
      const next = (await response.json()) as LinkSyncStatusJson;
      if (!live) return;
      setStatus(next);
      if (!next.running && waitingFor !== null && outcomeOf(next) !== waitingFor) setWaitingFor(null);
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [watching, waitingFor, status.linkId]);

  async function syncNow() {
    setRequestError(null);
    const before = outcomeOf(status);
    setWaitingFor(before);
    const response = await fetch(`/api/links/${status.linkId}/sync`, { method: "POST" }).catch(() => null);
    if (response?.status !== 202) {
      setWaitingFor(null);
      const body = (await response?.json().catch(() => null)) as { error?: string } | null;
      setRequestError(body?.error ?? "Watchdeck could not start the sync. Try again in a moment.");
      return;
    }
    setStatus((await response.json()) as LinkSyncStatusJson);
  }

  return (
    <section className="link-sync" aria-label={`Sync of ${name}`}>
      <dl className="link-facts">
        <dt>Last synced</dt>
        <dd>
          <When iso={status.lastSuccessAt} otherwise="not yet" />
        </dd>
        <dt>Next sync</dt>
        <dd>
          {status.state === "attention" ? (
            "paused until the link is fixed"
          ) : (
            <When iso={status.nextSyncAt} otherwise="soon" />
          )}
        </dd>
        <dt>Last fetched</dt>
        <dd>
          {status.lastItemsFetched} items, {status.lastItemsNew} new · {status.storedChanges} changes stored
        </dd>
      </dl>
      <p className="link-sync-state" role="status">
        {busy ? (
          <>
            <progress aria-label={`Syncing ${name}`} /> Syncing…
          </>
        ) : status.state === "never" ? (
          "Waiting for the first sync."
        ) : status.state === "ok" ? (
          "Up to date."
        ) : null}
      </p>
      {!busy && status.lastError !== null && (status.state === "error" || status.state === "attention") && (
        <p className="error" role="alert">
          {status.state === "attention"
            ? "Needs attention, syncing is paused: "
            : `Sync failed (${status.consecutiveFailures} in a row, retrying): `}
          {status.lastError}
        </p>
      )}
      {requestError && (
        <p className="error" role="alert">
          {requestError}
        </p>
      )}
      <button type="button" className="secondary" onClick={syncNow} disabled={busy} aria-label={`Sync ${name} now`}>
        Sync now
      </button>
    </section>
  );
}
