import type { LinkSyncStatus } from "./getSyncStatusForUser";

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A link's sync status as the browser receives it (times as ISO strings), from the page and from the API alike. */
export type LinkSyncStatusJson = Jsonified<LinkSyncStatus>;

export function syncStatusJson(status: LinkSyncStatus): LinkSyncStatusJson {
  const iso = (value: Date | null) => (value === null ? null : value.toISOString());
  return {
    ...status,
    lastSuccessAt: iso(status.lastSuccessAt),
    nextSyncAt: iso(status.nextSyncAt),
    lastErrorAt: iso(status.lastErrorAt),
  };
}
