/**
 * Words of the client namespaces that only panels opened on demand read: the keyboard help, the row's action
 * menu, the inline diff and the full filter panel. Every timeline page carried them inside its HTML (2.5 KB of
 * a 50-row page) for panels most visits never open. The layout leaves them out (clientMessagesFor) and
 * app/i18n/DeferredMessages loads them into the browser when such a panel is first drawn.
 */
export const DEFERRED_KEYS = {
  rows: [
    "keys",
    "close",
    "diffPanel",
    "openDiff",
    "loadingDiff",
    "diffFailed",
    "sameText",
    "diffCaption",
    "markRead",
    "markedRead",
    "unwatch",
    "unwatched",
    "watchSubject",
    "watchTalk",
    "watchFor",
    "watchTitleFor",
    "period",
    "untilDay",
    "permanently",
    "until",
    "watch",
    "watchedUntil",
  ],
  filters: [
    "form",
    "wikis",
    "namespaces",
    "types",
    "type",
    "byUser",
    "notByUser",
    "userContains",
    "flag",
    "show",
    "hide",
    "only",
    "tag",
    "text",
    "from",
    "to",
    "unreadOnly",
    "latestOnly",
    "groupByPage",
    "apply",
    "clear",
    "presetName",
    "presetPlaceholder",
    "savePreset",
    "presetSaved",
    "highlightForm",
    "highlightColor",
    "colorNow",
    "highlightName",
    "highlightPlaceholder",
    "bytesAtLeast",
    "highlightIn",
  ],
} as const;

export type DeferredNamespace = keyof typeof DEFERRED_KEYS;

/** A namespace's messages without its deferred words. */
export function withoutDeferred<T extends object>(namespace: string, messages: T): T {
  const deferred: readonly string[] = DEFERRED_KEYS[namespace as DeferredNamespace] ?? [];
  if (deferred.length === 0) return messages;
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !deferred.includes(key))) as T;
}

/** Whether `messages` (a provider's) hold every deferred word already: then nothing is to be loaded. */
export function holdsDeferred(messages: Record<string, unknown>): boolean {
  return (Object.keys(DEFERRED_KEYS) as DeferredNamespace[]).every((namespace) => {
    const held = messages[namespace] as Record<string, unknown> | undefined;
    return held !== undefined && DEFERRED_KEYS[namespace].every((key) => key in held);
  });
}

/** `over` laid on `base` key by key: a catalogue lacking a word keeps English's. */
export function mergeMessages(base: unknown, over: unknown): unknown {
  if (typeof over === "string") return over;
  if (typeof base !== "object" || base === null || typeof over !== "object" || over === null) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = mergeMessages(out[key], value);
  return out;
}
