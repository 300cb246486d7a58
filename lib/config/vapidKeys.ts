import { createECDH } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The server's Web Push (VAPID, RFC 8292) key pair: generated once into the data folder like secrets.json
 * unless the operator sets both in the environment. Push services bind each browser subscription to the
 * public key, so a new pair silently ends every subscription: keep the file.
 */
export interface VapidKeys {
  /** Uncompressed P-256 point, base64url: the browser's applicationServerKey. */
  publicKey: string;
  /** The private scalar, base64url. Never leaves the server. */
  privateKey: string;
}

const vapidKeysSchema = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export function vapidKeysFile(dataDir: string): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, "vapid-keys.json");
}

export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString("base64url"),
    privateKey: ecdh.getPrivateKey().toString("base64url").padStart(43, "A"),
  };
}

export function loadOrCreateVapidKeys(dataDir: string, announce: (message: string) => void): VapidKeys {
  const file = vapidKeysFile(dataDir);
  if (existsSync(file)) return vapidKeysSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const keys = generateVapidKeys();
  mkdirSync(dataDir, { recursive: true });
  // "wx" fails if another process created the file meanwhile; then theirs wins.
  try {
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: "wx" });
  } catch {
    return vapidKeysSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  }
  announce(
    `Generated the Web Push (VAPID) keys into ${file}. Keep this file: new keys end every browser's subscription.`,
  );
  return keys;
}
