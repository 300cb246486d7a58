import { createHash } from "node:crypto";
import { SecretBoxError } from "./SecretBoxError";

export const KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface Keyring {
  currentKeyId: string;
  /** Every key that may open a secret, the current one included. */
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * The id a key gets when none is given: a short fingerprint, so the id in a
 * ciphertext tells an admin which key sealed it without revealing the key.
 */
export function keyIdFor(key: Uint8Array): string {
  return createHash("sha256").update("watchdeck-secret-box-key-id\0").update(key).digest("base64url").slice(0, 8);
}

export function createKeyring(
  current: { id?: string; key: Uint8Array },
  older: { id: string; key: Uint8Array }[] = [],
): Keyring {
  const keys = new Map<string, Buffer>();
  for (const { id, key } of older) keys.set(checkKeyId(id), checkKey(key, `key ${id}`));
  const currentKeyId = checkKeyId(current.id ?? keyIdFor(current.key));
  keys.set(currentKeyId, checkKey(current.key, "the current key"));
  return { currentKeyId, keys };
}

/**
 * WATCHDECK_ENCRYPTION_KEY: the current key, base64 of 32 random bytes,
 * optionally written `id:base64`. WATCHDECK_ENCRYPTION_KEYS_OLD: comma-separated
 * `id:base64` keys kept only to open secrets sealed before a rotation.
 */
export function keyringFromEnv(env: Record<string, string | undefined> = process.env): Keyring {
  const currentText = env.WATCHDECK_ENCRYPTION_KEY?.trim();
  if (!currentText) {
    throw new SecretBoxError(
      "bad_key",
      "WATCHDECK_ENCRYPTION_KEY is not set. Set it to 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`.",
    );
  }
  const current = currentText.includes(":")
    ? parseIdAndKey(currentText, "WATCHDECK_ENCRYPTION_KEY")
    : { key: decodeKey(currentText, "WATCHDECK_ENCRYPTION_KEY") };

  const older = (env.WATCHDECK_ENCRYPTION_KEYS_OLD ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry, index) => parseIdAndKey(entry, `entry ${index + 1} of WATCHDECK_ENCRYPTION_KEYS_OLD`));

  return createKeyring(current, older);
}

function parseIdAndKey(text: string, where: string): { id: string; key: Buffer } {
  const separator = text.indexOf(":");
  if (separator <= 0) {
    throw new SecretBoxError("bad_key", `${where} must be written as id:base64key.`);
  }
  return { id: checkKeyId(text.slice(0, separator), where), key: decodeKey(text.slice(separator + 1), where) };
}

function decodeKey(base64: string, where: string): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64)) {
    throw new SecretBoxError("bad_key", `${where} is not valid base64.`);
  }
  return checkKey(Buffer.from(base64, "base64"), where);
}

function checkKey(key: Uint8Array, where: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(
      "bad_key",
      `${where} must be exactly ${KEY_BYTES} bytes (it is ${key.length}). Generate one with \`openssl rand -base64 32\`.`,
    );
  }
  return Buffer.from(key);
}

function checkKeyId(id: string, where = "A key id"): string {
  if (!KEY_ID_PATTERN.test(id)) {
    throw new SecretBoxError("bad_key", `${where}: key ids may use only letters, digits, '-' and '_' (at most 32).`);
  }
  return id;
}
