import { getLocale } from "next-intl/server";
import { failureText } from "@/lib/i18n/failureText";
import type { LinkSyncStatusJson } from "@/lib/sync/syncStatusJson";

/** A link's sync status with its stored error worded in the reader's language (by its code), for the page and the API. */
export async function inReadersLanguage(status: LinkSyncStatusJson): Promise<LinkSyncStatusJson> {
  if (status.lastError === null || status.lastErrorCode === null) return status;
  const lastError = failureText({ code: status.lastErrorCode, message: status.lastError }, await getLocale());
  return { ...status, lastError };
}
