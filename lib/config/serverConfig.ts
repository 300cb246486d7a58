import path from "node:path";
import { z } from "zod";
import { loadOrCreateLocalSecrets } from "./localSecrets";

const booleanFromEnv = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  WATCHDECK_DATA_DIR: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  WATCHDECK_URL: z.string().url().optional(),
  WATCHDECK_ENCRYPTION_KEY: z.string().optional(),
  WATCHDECK_ENCRYPTION_KEYS_OLD: z.string().optional(),
  WATCHDECK_REGISTRATION: z.enum(["open", "closed"]).default("open"),
  WATCHDECK_ALLOW_PRIVATE_NETWORKS: booleanFromEnv,
  WATCHDECK_CONTACT_URL: z.string().url().optional(),
  WATCHDECK_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(120),
  WATCHDECK_SMTP_URL: z
    .string()
    .refine(
      (v) => v === "" || /^smtps?:\/\/[^/]/.test(v),
      "WATCHDECK_SMTP_URL must look like smtp://user:pass@host:587",
    )
    .optional(),
  WATCHDECK_MAIL_FROM: z.string().optional(),
  WATCHDECK_VAPID_PUBLIC_KEY: z.string().optional(),
  WATCHDECK_VAPID_PRIVATE_KEY: z.string().optional(),
  WATCHDECK_VAPID_SUBJECT: z
    .string()
    .refine(
      (v) => v === "" || /^(mailto:|https:\/\/)/.test(v),
      "WATCHDECK_VAPID_SUBJECT must be a mailto: or https: URL",
    )
    .optional(),
});

export interface ServerConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  baseUrl: string;
  encryptionKey: string;
  previousEncryptionKeys: string | undefined;
  registrationOpen: boolean;
  allowPrivateNetworks: boolean;
  contactUrl: string;
  syncIntervalSeconds: number;
  /** SMTP server for alert mail (may hold a password: never log it); undefined = no email channel. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** Web Push keys set by the operator; undefined = generated into the data folder (lib/config/vapidKeys.ts). */
  vapidKeys: { publicKey: string; privateKey: string } | undefined;
  /** How push services can reach the operator (VAPID "sub"). */
  vapidSubject: string | undefined;
}

let cached: ServerConfig | undefined;

/** Reads and validates the server's configuration once per process. */
export function serverConfig(): ServerConfig {
  cached ??= buildServerConfig(process.env, (m) => console.log(`[watchdeck] ${m}`));
  return cached;
}

/** The data folder (embedded database, secrets.json), for tools that must not generate secrets. */
export function dataDirFromEnv(env: { WATCHDECK_DATA_DIR?: string | undefined } & Record<string, unknown>): string {
  return path.resolve(/*turbopackIgnore: true*/ env.WATCHDECK_DATA_DIR || ".data");
}

export function buildServerConfig(
  env: Record<string, string | undefined>,
  announce: (m: string) => void,
): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = dataDirFromEnv(e);
  const authSecret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  const needLocal = !authSecret || !e.WATCHDECK_ENCRYPTION_KEY;
  const local = needLocal ? loadOrCreateLocalSecrets(dataDir, announce) : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret: authSecret ?? local!.authSecret,
    baseUrl: e.WATCHDECK_URL ?? "http://localhost:3000",
    encryptionKey: e.WATCHDECK_ENCRYPTION_KEY ?? local!.encryptionKey,
    previousEncryptionKeys: e.WATCHDECK_ENCRYPTION_KEYS_OLD,
    registrationOpen: e.WATCHDECK_REGISTRATION === "open",
    allowPrivateNetworks: e.WATCHDECK_ALLOW_PRIVATE_NETWORKS,
    contactUrl: e.WATCHDECK_CONTACT_URL ?? "https://github.com/watchdeck/watchdeck",
    syncIntervalSeconds: e.WATCHDECK_SYNC_INTERVAL_SECONDS,
    smtpUrl: e.WATCHDECK_SMTP_URL || undefined,
    mailFrom: e.WATCHDECK_MAIL_FROM?.trim() || undefined,
    vapidKeys:
      e.WATCHDECK_VAPID_PUBLIC_KEY && e.WATCHDECK_VAPID_PRIVATE_KEY
        ? { publicKey: e.WATCHDECK_VAPID_PUBLIC_KEY, privateKey: e.WATCHDECK_VAPID_PRIVATE_KEY }
        : undefined,
    vapidSubject: e.WATCHDECK_VAPID_SUBJECT || undefined,
  };
}
