export type TokenType = "csrf" | "watch" | "patrol" | "rollback";

/** Tokens belong to a session: cache per client, forget on login or badtoken. */
export class TokenCache {
  private readonly tokens = new Map<TokenType, Promise<string>>();

  get(type: TokenType, fetchToken: (type: TokenType) => Promise<string>): Promise<string> {
    const cached = this.tokens.get(type);
    if (cached) return cached;
    const pending = fetchToken(type);
    this.tokens.set(type, pending);
    pending.catch(() => {
      if (this.tokens.get(type) === pending) this.tokens.delete(type);
    });
    return pending;
  }

  forget(type: TokenType): void {
    this.tokens.delete(type);
  }

  clear(): void {
    this.tokens.clear();
  }
}
