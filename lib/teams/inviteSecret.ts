import { createHash, randomBytes } from "node:crypto";

const PREFIX = "wdi_";

/** A new invitation secret: 256 random bits, shown once to the owner who made it. */
export function newInviteSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** What is stored: a plain SHA-256 suffices, as the secret has 256 bits of entropy. */
export function hashInviteSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeInviteSecret(text: string): boolean {
  return /^wdi_[A-Za-z0-9_-]{43}$/.test(text);
}
