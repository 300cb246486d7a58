import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Secrets the app needs but the operator did not set. Generated once and kept in a
 * git-ignored file in the data folder, so restarts keep sessions valid and stored
 * wiki credentials readable.
 */
const localSecretsSchema = z.object({
  authSecret: z.string().min(32),
  encryptionKey: z.string().min(40),
});
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

export function localSecretsFile(dataDir: string): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, "secrets.json");
}

/** The secrets file's contents when it exists; unlike loadOrCreateLocalSecrets, never writes one. */
export function readLocalSecrets(dataDir: string): LocalSecrets | undefined {
  const file = localSecretsFile(dataDir);
  return existsSync(file) ? localSecretsSchema.parse(JSON.parse(readFileSync(file, "utf8"))) : undefined;
}

export function loadOrCreateLocalSecrets(dataDir: string, announce: (message: string) => void): LocalSecrets {
  const file = localSecretsFile(dataDir);
  if (existsSync(file)) return localSecretsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const secrets: LocalSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true });
  // "wx" fails if another process created the file meanwhile; then theirs wins.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch {
    return localSecretsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  }
  announce(
    `Generated AUTH_SECRET and WATCHDECK_ENCRYPTION_KEY into ${file}. Keep this file: ` +
      `without the key, stored wiki credentials cannot be decrypted. Set both in the environment to manage them yourself.`,
  );
  return secrets;
}
