import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";
import { SecretBoxError } from "./SecretBoxError";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  /**
   * Encrypts `plaintext` with the current key. `context` names where the
   * secret lives (e.g. "wiki_link:42:bot_password"); the same context is needed
   * to open it, so a sealed value copied into another row will not open.
   */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** True when `sealed` was made with a key other than the current one. */
  needsRotation(sealed: string): boolean;
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  ciphertextAndTag: Buffer;
}

/** AES-256-GCM; format `v1:<keyId>:<base64url iv>:<base64url ciphertext+tag>`. */
export function createSecretBox(keyring: Keyring): SecretBox {
  return {
    seal(plaintext, context) {
      const key = keyring.keys.get(keyring.currentKeyId) as Buffer;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(additionalData(keyring.currentKeyId, context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, keyring.currentKeyId, iv.toString("base64url"), ciphertext.toString("base64url")].join(":");
    },

    open(sealed, context) {
      const { keyId, iv, ciphertextAndTag } = parseSealed(sealed);
      const key = keyring.keys.get(keyId);
      if (!key) {
        throw new SecretBoxError(
          "unknown_key",
          `This secret was encrypted with key "${keyId}", which is not configured. Add that key to WATCHDECK_ENCRYPTION_KEYS_OLD as ${keyId}:<base64 key>, or ask the user to enter the secret again.`,
        );
      }
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(additionalData(keyId, context));
      decipher.setAuthTag(ciphertextAndTag.subarray(ciphertextAndTag.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(ciphertextAndTag.subarray(0, ciphertextAndTag.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (cause) {
        throw new SecretBoxError(
          "tampered",
          "A stored secret failed its integrity check: it was altered, or belongs to another record. Ask the user to enter it again.",
          { cause },
        );
      }
    },

    needsRotation(sealed) {
      return parseSealed(sealed).keyId !== keyring.currentKeyId;
    },
  };
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}\0${keyId}\0${context}`, "utf8");
}

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split(":");
  const [version, keyId, ivText, ciphertextText] = parts;
  if (parts.length !== 4 || version !== VERSION || !keyId || !ivText || !ciphertextText) {
    throw new SecretBoxError("bad_format", "A stored secret is not in the expected v1 format and cannot be opened.");
  }
  const iv = Buffer.from(ivText, "base64url");
  const ciphertextAndTag = Buffer.from(ciphertextText, "base64url");
  if (iv.length !== IV_BYTES || ciphertextAndTag.length < TAG_BYTES) {
    throw new SecretBoxError("bad_format", "A stored secret is truncated and cannot be opened.");
  }
  return { keyId, iv, ciphertextAndTag };
}
