import { z } from "zod";
import type { MediaWikiClient } from "../api/client";
import { siteLabelFor } from "../api/parseApiResponse";
import { parseWire } from "../api/parseWire";

/** One wiki where a global (CentralAuth) account is attached, from meta=globaluserinfo&guiprop=merged. */
export interface AttachedWiki {
  /** CentralAuth's wiki id, e.g. "dewiki". */
  wikiId: string;
  /** The wiki's base address, e.g. "https://de.wikipedia.org". */
  url: string;
  editCount: number;
}

// CentralAuth's ApiQueryGlobalUserInfo; a wiki without CentralAuth leaves query.globaluserinfo out
// (with an "Unrecognized value for parameter meta" warning), an unknown account answers {missing}.
const globalUserInfoWire = z.object({
  query: z
    .object({
      globaluserinfo: z
        .object({
          missing: z.unknown().optional(),
          merged: z
            .array(
              z.object({
                wiki: z.string().min(1),
                url: z.string().min(1),
                editcount: z.coerce.number().int().nonnegative().catch(0),
              }),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * The wikis the logged-in account is attached to as a global account, most edits first;
 * null when the wiki has no CentralAuth or the account is not global.
 */
export async function readAttachedWikis(client: MediaWikiClient): Promise<AttachedWiki[] | null> {
  const answer = await client.get({ action: "query", meta: "globaluserinfo", guiprop: "merged" });
  const info = parseWire(globalUserInfoWire, answer.data, siteLabelFor(client.apiUrl), "its global account").query
    ?.globaluserinfo;
  if (!info || info.missing !== undefined || !info.merged) return null;
  return info.merged
    .filter((account) => /^https?:\/\//i.test(account.url))
    .map((account) => ({ wikiId: account.wiki, url: account.url, editCount: account.editcount }))
    .sort((a, b) => b.editCount - a.editCount || a.wikiId.localeCompare(b.wikiId));
}

/** Whether the account's watchlist shows any change (one list=watchlist row). */
export async function hasWatchlistChanges(client: MediaWikiClient): Promise<boolean> {
  const answer = await client.get({ action: "query", list: "watchlist", wllimit: 1, wlprop: "ids" });
  const rows = (answer.data as { query?: { watchlist?: unknown } }).query?.watchlist;
  return Array.isArray(rows) && rows.length > 0;
}
