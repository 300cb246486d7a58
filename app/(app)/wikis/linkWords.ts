import type { getTranslations } from "next-intl/server";
import type { LinkView } from "@/lib/links/linkRepository";

type T = Awaited<ReturnType<typeof getTranslations<"wikis.card">>>;

/** What a link cannot do and why, in the reader's words (lib/links/capabilityNotes.ts says the same in English). */
export function capabilityWords(t: T, link: Pick<LinkView, "authMode" | "canWatch" | "canMarkRead">): string[] {
  if (link.authMode === "watchlist_token") return [t("tokenCannotWatch")];
  if (!link.canWatch || !link.canMarkRead) return [t("lacksGrant")];
  return [];
}

/** Which source a watchlist-token link reads, and why; null for bot passwords (always the API). */
export function sourceWords(
  t: T,
  link: Pick<LinkView, "authMode" | "source" | "sourcePinned" | "sourceNote">,
): string | null {
  if (link.authMode !== "watchlist_token") return null;
  if (link.source === "api") return t("sourceApi");
  if (link.sourcePinned) return t("sourcePinned");
  // The note is the wiki's refusal, in the wiki's words.
  return t("sourceFallback", { refusal: link.sourceNote ? link.sourceNote.replace(/\.$/, "") : "none" });
}
