import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets that travel in URLs and are shown once to whoever made them: feed
 * addresses, team invitation links and the links that verify an alert email address. The prefix says which kind a secret is,
 * so one kind never opens the other's door.
 */
const PREFIXES = { feed: "wdf_", invite: "wdi_", emailVerification: "wdv_" } as const;

export type UrlSecretKind = keyof typeof PREFIXES;

/** 256 random bits behind the kind's prefix. */
export function newUrlSecret(kind: UrlSecretKind): string {
  return PREFIXES[kind] + randomBytes(32).toString("base64url");
}

/** What is stored: a plain SHA-256 suffices, as the secret has 256 bits of entropy (no guessing to slow down). */
export function hashUrlSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Whether `text` has the shape of a secret of this kind, checked before it reaches the database. */
export function looksLikeUrlSecret(kind: UrlSecretKind, text: string): boolean {
  const prefix = PREFIXES[kind];
  return text.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(text.slice(prefix.length));
}
