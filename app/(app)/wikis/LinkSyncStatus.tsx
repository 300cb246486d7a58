"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { LinkSyncStatusJson } from "@/lib/sync/syncStatusJson";

const POLL_MS = 2_000;

/** What marks a finished sync: it moves one of these. */
const outcomeOf = (s: LinkSyncStatusJson) => `${s.lastSuccessAt ?? ""}|${s.lastErrorAt ?? ""}`;

function When({ iso, otherwise }: { iso: string | null; otherwise: string }) {
  const format = useFormatter();
  if (iso === null) return otherwise;
  return <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}</time>;
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
  const t = useTranslations("wikis.sync");

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
      setRequestError(body?.error ?? t("couldNotStart"));
      return;
    }
    setStatus((await response.json()) as LinkSyncStatusJson);
  }

  return (
    <section className="link-sync" aria-label={t("label", { name })}>
      <dl className="link-facts">
        <dt>{t("lastSynced")}</dt>
        <dd>
          <When iso={status.lastSuccessAt} otherwise={t("notYet")} />
        </dd>
        <dt>{t("nextSync")}</dt>
        <dd>{status.state === "attention" ? t("paused") : <When iso={status.nextSyncAt} otherwise={t("soon")} />}</dd>
        <dt>{t("lastFetched")}</dt>
        <dd>
          {t("fetched", { items: status.lastItemsFetched, fresh: status.lastItemsNew, stored: status.storedChanges })}
        </dd>
      </dl>
      <p className="link-sync-state" role="status">
        {busy ? (
          <>
            <progress aria-label={t("syncingName", { name })} /> {t("syncing")}
          </>
        ) : status.state === "never" ? (
          t("waiting")
        ) : status.state === "ok" ? (
          t("upToDate")
        ) : null}
      </p>
      {!busy && status.lastError !== null && (status.state === "error" || status.state === "attention") && (
        <p className="error" role="alert">
          {status.state === "attention"
            ? t("attention", { error: status.lastError })
            : t("failed", { failures: status.consecutiveFailures, error: status.lastError })}
        </p>
      )}
      {requestError && (
        <p className="error" role="alert">
          {requestError}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        onClick={syncNow}
        disabled={busy}
        aria-label={t("syncNowName", { name })}
      >
        {t("syncNow")}
      </button>
    </section>
  );
}
