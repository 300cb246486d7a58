export type SecretBoxErrorCode = "bad_key" | "bad_format" | "unknown_key" | "tampered";

/**
 * A stored secret could not be sealed or opened. Messages never include the
 * secret, the key, or the ciphertext.
 */
export class SecretBoxError extends Error {
  readonly code: SecretBoxErrorCode;
  readonly kind = "invalid" as const;

  constructor(code: SecretBoxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretBoxError";
    this.code = code;
  }
}
