"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import type { ChangeDiff } from "@/lib/diffs/loadChangeDiff";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { markChangeReadAction } from "../watching/actions";
import { announceWatchlistChange, useWatchingLinks } from "../watching/useWatchingLinks";
import styles from "./inlineDiff.module.css";

type Row = Pick<TimelineRowView, "id" | "title" | "revId" | "unread" | "ownLinkIds" | "diffUrl" | "dir" | "lang">;

/** `message`: the API's own words; null when the diff could not be had at all (the page words it). */
type Loaded =
  | { state: "loading" }
  | { state: "shown"; diff: ChangeDiff }
  | { state: "failed"; message: string | null; unreachable?: true };

/**
 * The wiki's diff of one change, shown in place under its row (GET /api/changes/<id>/diff), with "Mark read"
 * beside it. `teamId`: the row is in that team's timeline.
 */
export function InlineDiff({ row, teamId = null, id }: { row: Row; teamId?: string | null; id?: string }) {
  const t = useTranslations("rows");
  const ui = useTranslations("ui");
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  // Kept once marked read (the row then reloads as read), so the outcome stays in view.
  const [wasUnread] = useState(row.unread);

  useEffect(() => {
    const controller = new AbortController();
    const query = teamId ? `?team=${encodeURIComponent(teamId)}` : "";
    fetch(`/api/changes/${encodeURIComponent(row.id)}/diff${query}`, { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as { diff?: ChangeDiff; error?: string };
        setLoaded(
          response.ok && body.diff
            ? { state: "shown", diff: body.diff }
            : { state: "failed", message: body.error ?? null },
        );
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ state: "failed", message: null, unreachable: true });
        }
        return error;
      });
    return () => controller.abort();
  }, [row.id, teamId]);

  return (
    <section
      id={id}
      className={styles.panel}
      aria-label={t("diffPanel", { title: row.title })}
      aria-busy={loaded.state === "loading"}
    >
      <div className={styles.bar}>
        {wasUnread && <MarkRead row={row} />}
        {row.diffUrl && (
          <a href={row.diffUrl} target="_blank" rel="noreferrer">
            {t("openDiff")}
          </a>
        )}
      </div>
      {loaded.state === "loading" && (
        <p role="status" className={styles.message}>
          {t("loadingDiff")}
        </p>
      )}
      {loaded.state === "failed" && (
        <p role="alert" className={`error ${styles.message}`}>
          {loaded.message ?? (loaded.unreachable ? ui("unreachable") : t("diffFailed"))}
        </p>
      )}
      {loaded.state === "shown" && <DiffTable diff={loaded.diff} wikiText={{ dir: row.dir, lang: row.lang }} />}
    </section>
  );
}

/** The diff's lines are the wiki's text: they read in its direction and language, the caption in the interface's. */
function DiffTable({ diff, wikiText }: { diff: ChangeDiff; wikiText: { dir: "ltr" | "rtl"; lang: string } }) {
  const t = useTranslations("rows");
  if (diff.bodyHtml.trim() === "") return <p className={styles.message}>{t("sameText")}</p>;
  const from = diff.fromRevId === 0 ? "created" : String(diff.fromRevId);
  return (
    <div className={styles.scroll}>
      <table className={styles.diff}>
        <caption className="visually-hidden">
          {t.rich("diffCaption", {
            from,
            to: String(diff.toRevId),
            title: diff.title,
            wiki: (chunks) => <bdi {...wikiText}>{chunks}</bdi>,
          })}
        </caption>
        <colgroup>
          <col className={styles.marker} />
          <col className={styles.content} />
          <col className={styles.marker} />
          <col className={styles.content} />
        </colgroup>
        {/* Sanitised on the server (lib/mediawiki/compare/sanitizeDiffHtml): the diff table's rows only. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by sanitizeDiffHtml before it is stored or sent */}
        <tbody {...wikiText} dangerouslySetInnerHTML={{ __html: diff.bodyHtml }} />
      </table>
    </div>
  );
}

function MarkRead({ row }: { row: Row }) {
  const t = useTranslations("rows");
  const ui = useTranslations("ui");
  const links = useWatchingLinks();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const readIds = row.ownLinkIds.filter((linkId) => links?.get(linkId)?.markReadRefusal === null);
  // Absent, not greyed out, where no link of the viewer's can mark it read (token links, another member's row).
  if (readIds.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending || status?.ok === true}
        onClick={() =>
          startTransition(async () => {
            let outcome: { ok: boolean; message: string };
            try {
              outcome = await markChangeReadAction(readIds, row.title, row.revId);
            } catch {
              outcome = { ok: false, message: ui("unreachable") };
            }
            setStatus(outcome);
            if (outcome.ok) {
              announceWatchlistChange();
              router.refresh();
            }
          })
        }
      >
        {status?.ok ? t("markedRead") : t("markRead")}
      </button>
      {status && (
        <span role={status.ok ? "status" : "alert"} className={status.ok ? undefined : "error"}>
          {status.message}
        </span>
      )}
    </>
  );
}
