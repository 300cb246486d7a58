import type { JWT } from "next-auth/jwt";

/**
 * Session tokens this process has already decrypted, by their text. next-auth's decode derives the key with
 * HKDF and decrypts the JWE on every call: about 0.5 ms of CPU per request, each request of a browsing user
 * carrying the same token. A token's text fixes its claims, so a hit needs only the expiry checked again;
 * revocation is not cached (currentSession compares the epoch with the user's row on every request).
 */
const MAX_TOKENS = 2000;
// As next-auth's decode (jose's clockTolerance).
const CLOCK_TOLERANCE_SECONDS = 15;

export class DecodedTokens {
  private readonly tokens = new Map<string, JWT>();

  constructor(private readonly max = MAX_TOKENS) {}

  async decode(token: string, decode: (token: string) => Promise<JWT | null>, nowMs = Date.now()): Promise<JWT | null> {
    const known = this.tokens.get(token);
    if (known !== undefined) {
      if (!expired(known, nowMs)) return known;
      this.tokens.delete(token);
      return null;
    }
    const claims = await decode(token);
    if (claims === null || expired(claims, nowMs)) return null;
    if (this.tokens.size >= this.max) this.tokens.clear();
    this.tokens.set(token, claims);
    return claims;
  }
}

function expired(claims: JWT, nowMs: number): boolean {
  return typeof claims.exp === "number" && nowMs / 1000 > claims.exp + CLOCK_TOLERANCE_SECONDS;
}
