"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState, useTransition } from "react";
import { rewatchAction } from "@/app/(app)/watching/actions";
import { offerUndo } from "@/app/(app)/watching/UndoToast";
import styles from "@/app/(app)/watching/watching.module.css";
import { FormMessage } from "../../FormMessage";
import { setExpiryAction, unwatchPagesAction, type WatchedFormState } from "./actions";
import { ExpiryFields } from "./ExpiryFields";

export interface WatchedPageView {
  title: string;
  /** The page on the wiki. */
  url: string;
  missing: boolean;
  unreadSince: string | null;
  expiresAt: string | null;
}

interface Props {
  linkId: string;
  /** The wiki's content direction and language: each title is isolated in them. */
  wikiText: { dir: "ltr" | "rtl"; lang: string };
  pages: WatchedPageView[];
  expiryKnown: boolean;
  disabledReason: string | null;
}

/**
 * The watched pages with bulk unwatch (optimistic, rolled back with the wiki's reason, then undoable
 * from a toast) and an expiry editor that each row opens on demand.
 */
export function WatchedPagesList({ linkId, wikiText, pages, expiryKnown, disabledReason }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<WatchedFormState | null>(null);
  const [pending, startTransition] = useTransition();
  const t = useTranslations("wikis.watched");
  const format = useFormatter();
  // A fresh listing from the server is the truth: rows hidden optimistically are either gone from it or back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pages is the trigger, not an input
  useEffect(() => setGone(new Set()), [pages]);
  const shown = pages.filter((page) => !gone.has(page.title));
  const disabled = disabledReason !== null;

  function toggle(title: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(title);
      else next.delete(title);
      return next;
    });
  }

  function unwatchSelected() {
    const titles = [...selected];
    const undo = titles.map((title) => ({
      linkId,
      title,
      expiresAt: pages.find((page) => page.title === title)?.expiresAt ?? null,
    }));
    setGone((current) => new Set([...current, ...titles]));
    setSelected(new Set());
    setStatus(null);
    startTransition(async () => {
      const outcome = await unwatchPagesAction(linkId, titles).catch(() => ({
        ok: false,
        message: t("unreachable"),
      }));
      if (outcome.ok) {
        offerUndo({ message: outcome.message ?? t("unwatched"), undo: () => rewatchAction(undo) });
        router.refresh();
      } else {
        setGone((current) => new Set([...current].filter((title) => !titles.includes(title))));
        setSelected(new Set(titles));
        setStatus(outcome);
      }
    });
  }

  return (
    <section aria-label={t("listLabel")}>
      <div className={styles.toolbar}>
        <button
          type="button"
          disabled={disabled || pending || selected.size === 0}
          onClick={unwatchSelected}
          aria-describedby={disabled ? "watch-refusal" : undefined}
        >
          {t("unwatchSelected", { count: selected.size })}
        </button>
        <span className={styles.muted}>{t("count", { count: shown.length })}</span>
        {status && <FormMessage ok={status.ok} message={status.message} />}
      </div>
      {shown.length === 0 ? (
        <p className="empty-state">{t("noMatch")}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("select")}</span>
              </th>
              <th scope="col">{t("page")}</th>
              <th scope="col">{t("until")}</th>
              {!disabled && (
                <th scope="col">
                  <span className="visually-hidden">{t("expiry")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((page) => (
              <tr key={page.title}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("selectTitle", { title: page.title })}
                    checked={selected.has(page.title)}
                    disabled={disabled}
                    onChange={(event) => toggle(page.title, event.target.checked)}
                  />
                </td>
                <td className={page.unreadSince ? styles.unread : undefined}>
                  <a href={page.url} target="_blank" rel="noopener noreferrer" {...wikiText}>
                    {page.title}
                  </a>
                  {page.unreadSince && <span className={styles.muted}>{t("changedSince")}</span>}
                  {page.missing && <span className={styles.muted}>{t("missing")}</span>}
                </td>
                <td>
                  {!expiryKnown ? (
                    <span className={styles.muted}>{t("unknown")}</span>
                  ) : page.expiresAt ? (
                    format.dateTime(new Date(page.expiresAt), { dateStyle: "medium", timeStyle: "short" })
                  ) : (
                    t("permanent")
                  )}
                </td>
                {!disabled && (
                  <td>
                    <ExpiryEditor linkId={linkId} title={page.title} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Change expiry" opens the form for this row only: a form on every row made the list a wall of fields. */
function ExpiryEditor({ linkId, title }: { linkId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const t = useTranslations("wikis.watched");
  return (
    <div className={styles.watchFor}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        aria-label={open ? t("closeEditorOf", { title }) : t("changeExpiryOf", { title })}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? t("close") : t("changeExpiry")}
      </button>
      {open && <ExpiryForm id={`${id}-form`} linkId={linkId} title={title} />}
    </div>
  );
}

function ExpiryForm({ id, linkId, title }: { id: string; linkId: string; title: string }) {
  const [state, formAction, pending] = useActionState<WatchedFormState, FormData>(
    setExpiryAction.bind(null, linkId, title),
    { ok: false },
  );
  const t = useTranslations("wikis.watched");
  return (
    <form id={id} action={formAction} className={styles.watchFor} aria-label={t("expiryOf", { title })}>
      <ExpiryFields idPrefix={id} label={t("watchTitle", { title })} allowKeep={false} typed={state.values} />
      <button type="submit" disabled={pending}>
        {t("setExpiry")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
