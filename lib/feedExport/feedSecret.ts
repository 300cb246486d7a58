import { createHash, randomBytes } from "node:crypto";

const PREFIX = "wdf_";

/** A new feed secret: 256 random bits, shown once to its owner. */
export function newFeedSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** What is stored: a plain SHA-256 suffices, as the secret has 256 bits of entropy (no guessing to slow down). */
export function hashFeedSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeFeedSecret(text: string): boolean {
  return /^wdf_[A-Za-z0-9_-]{43}$/.test(text);
}
