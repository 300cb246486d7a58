import type { JsonValue } from "./change";

const NUL = "\u0000";

/**
 * Text a wiki sent, as Postgres can store it: text and jsonb cannot hold U+0000, so a NUL becomes U+FFFD, as
 * the feed parser makes of `&#0;` and a browser of a NUL in HTML. Without this one row would fail its whole
 * poll, on every retry, with a database error instead of being stored.
 */
export function storableText(text: string): string {
  return text.includes(NUL) ? text.replaceAll(NUL, "\uFFFD") : text;
}

/** storableText for every string of a JSON value, keys included. */
export function storableJson(value: JsonValue): JsonValue {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value)) out[storableText(key)] = storableJson(inner);
  return out;
}
