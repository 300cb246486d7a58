import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { failed } from "@/lib/result";
import { type ExpiryChoice, expiryParam } from "./expiry";
import { openOwnLink } from "./openOwnLink";
import { type CounterpartPage, counterpartPage } from "./pageTitles";
import type { WatchingResult } from "./watchingResult";
import { runWatch, type WatchedTitle } from "./watchPages";

/**
 * Watches the talk page of a subject page, or the subject page of a talk page. MediaWiki keeps
 * the two watched together, so this mostly matters for a page watched before that rule or by
 * title alone; it is offered where the user thinks of the other page.
 */
export async function watchCounterpartPage(
  userId: string,
  linkId: string,
  title: string,
  options: { expiry?: ExpiryChoice; network?: WikiNetwork; now?: Date } = {},
): Promise<WatchingResult<{ counterpart: CounterpartPage; watched: WatchedTitle }>> {
  const expiry = options.expiry === undefined ? null : expiryParam(options.expiry, options.now);
  if (expiry && !expiry.ok) return failed(expiry.failure);
  const own = await openOwnLink(userId, linkId, "watch", options.network);
  if (!own.ok) return own;
  const counterpart = counterpartPage(title, own.value.namespaces);
  if (!counterpart) {
    return failed({
      kind: "invalid",
      code: "no_counterpart",
      message: `${title} has no talk or subject page on ${own.value.siteName}.`,
      values: { title, site: own.value.siteName },
    });
  }
  const result = await runWatch(own.value, [counterpart.title], { expiry: expiry?.value });
  if (!result.ok) return result;
  const [watched] = result.value.done;
  if (!watched)
    return failed({
      kind: "invalid",
      code: "not_watchable",
      message: `${counterpart.title}: ${result.value.skipped[0]?.reason ?? "the wiki did not watch it."}`,
    });
  return { ok: true, value: { counterpart, watched } };
}
