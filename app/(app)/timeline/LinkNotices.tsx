import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { SyncProblem } from "@/lib/timeline/loadTimelineScreen";
import type { WatchingLinkView } from "@/lib/watching/watchingLinks";

/**
 * What concerns whole links, said once above the timeline in one line with the way to fix it: links whose
 * sync fails (their changes may be missing) and links that cannot watch or mark read (their rows have no
 * actions). The full reasons are on the Wikis page.
 */
export function LinkNotices({ problems, links }: { problems: SyncProblem[]; links: WatchingLinkView[] }) {
  const t = useTranslations("timeline.notices");
  // "A, B and C", "A, B y C", "A, B und C"
  const list = new Intl.ListFormat(useLocale(), { type: "conjunction" });
  const say = (key: "paused" | "failing" | "readOnly", names: string[]) =>
    t(key, { names: list.format(names), count: names.length });
  const paused = problems.filter((p) => p.paused).map((p) => p.displayName);
  const failing = problems.filter((p) => !p.paused).map((p) => p.displayName);
  const readOnly = links.filter((l) => l.watchRefusal !== null && l.markReadRefusal !== null).map((l) => l.displayName);
  const sentences = [
    paused.length > 0 && say("paused", paused),
    failing.length > 0 && say("failing", failing),
    readOnly.length > 0 && say("readOnly", readOnly),
  ].filter((s): s is string => s !== false);
  if (sentences.length === 0) return null;
  const urgent = problems.length > 0;
  return (
    <p className={`tl-notice${urgent ? " tl-notice-error" : ""}`} role={urgent ? "alert" : "status"}>
      {sentences.join(" ")} <Link href="/wikis">{t("fix")}</Link>
    </p>
  );
}
