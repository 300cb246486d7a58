"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { DeferredMessages } from "@/app/i18n/DeferredMessages";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { RowActions, rowCapabilities } from "../watching/RowActions";
import { useWatchingLinks } from "../watching/useWatchingLinks";

/**
 * The one control of a row that opens its actions (mark read, unwatch, watch the talk page, watch for a
 * time — issue 6). Absent where none of the viewer's links watching the page can do any of them (a
 * watchlist-token link), so rows stay one line and nothing greyed out fills them.
 */
export function TimelineRowActions({ row }: { row: TimelineRowView }) {
  const t = useTranslations("rows");
  const links = useWatchingLinks();
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        box.current?.querySelector("button")?.focus();
      } else if (box.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  if (!links || !rowCapabilities(row, links).any) return null;
  return (
    <span className="tl-act" ref={box}>
      <button
        type="button"
        className="tl-menu-btn"
        aria-label={t("actionsFor", { title: row.title })}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      <span id={id} className="tl-menu" hidden={!open}>
        {open && (
          <DeferredMessages>
            <RowActions row={row} />
          </DeferredMessages>
        )}
      </span>
    </span>
  );
}
