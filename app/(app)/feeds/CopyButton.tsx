"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

// navigator.clipboard exists only in secure contexts; a Watchdeck served over plain http on a LAN still copies this way.
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } finally {
    area.remove();
  }
}

/** Copies `text` to the clipboard and says whether it worked: on the button when it did, beside it when it did not. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  const t = useTranslations("feeds");
  async function copy() {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(text);
      else if (!copyWithSelection(text)) throw new Error("copy refused");
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={copy} aria-label={label}>
        {outcome === "copied" ? t("copied") : t("copy")}
      </button>
      <span aria-live="polite" className={outcome === "failed" ? "field-error" : "visually-hidden"}>
        {outcome === "copied" ? t("copiedSaid") : outcome === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
