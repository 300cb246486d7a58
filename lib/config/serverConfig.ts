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
  WATCHDECK_CONTACT: z
    .union([z.email(), z.url({ protocol: /^https?$/ })], "WATCHDECK_CONTACT must be an email address or an http(s) URL")
    .optional(),
  // The setting's earlier name, still read so that existing installs keep their contact.
  WATCHDECK_CONTACT_URL: z.url({ protocol: /^https?$/ }).optional(),
  WATCHDECK_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(120),
  WATCHDECK_EVENTSTREAMS_URL: z.string().url().optional(),
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
  /** Sent to every wiki in the User-Agent: how its operators reach whoever runs this instance. */
  contact: string;
  syncIntervalSeconds: number;
  /** A recentchange EventStreams URL (e.g. https://stream.wikimedia.org/v2/stream/recentchange); null = off. */
  eventStreamsUrl: string | null;
  /** SMTP server for alert mail (may hold a password: never log it); undefined = no email channel. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** Web Push keys set by the operator; undefined = generated into the data folder (lib/config/vapidKeys.ts). */
  vapidKeys: { publicKey: string; privateKey: string } | undefined;
  /** How push services can reach the operator (VAPID "sub"). */
  vapidSubject: string | undefined;
}

let cached: ServerConfig | undefined;

/** A setting that stops the server (web and worker) from starting; its message says what to set and why. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

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
    throw new ConfigurationError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const baseUrl = e.WATCHDECK_URL ?? "http://localhost:3000";
  const contact = contactFor(baseUrl, e.WATCHDECK_CONTACT ?? e.WATCHDECK_CONTACT_URL);
  const dataDir = dataDirFromEnv(e);
  const authSecret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  const needLocal = !authSecret || !e.WATCHDECK_ENCRYPTION_KEY;
  const local = needLocal ? loadOrCreateLocalSecrets(dataDir, announce) : undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret: authSecret ?? local!.authSecret,
    baseUrl,
    encryptionKey: e.WATCHDECK_ENCRYPTION_KEY ?? local!.encryptionKey,
    previousEncryptionKeys: e.WATCHDECK_ENCRYPTION_KEYS_OLD,
    registrationOpen: e.WATCHDECK_REGISTRATION === "open",
    allowPrivateNetworks: e.WATCHDECK_ALLOW_PRIVATE_NETWORKS,
    contact,
    syncIntervalSeconds: e.WATCHDECK_SYNC_INTERVAL_SECONDS,
    eventStreamsUrl: e.WATCHDECK_EVENTSTREAMS_URL ?? null,
    smtpUrl: e.WATCHDECK_SMTP_URL || undefined,
    mailFrom: e.WATCHDECK_MAIL_FROM?.trim() || undefined,
    vapidKeys:
      e.WATCHDECK_VAPID_PUBLIC_KEY && e.WATCHDECK_VAPID_PRIVATE_KEY
        ? { publicKey: e.WATCHDECK_VAPID_PUBLIC_KEY, privateKey: e.WATCHDECK_VAPID_PRIVATE_KEY }
        : undefined,
    vapidSubject: e.WATCHDECK_VAPID_SUBJECT || undefined,
  };
}

/**
 * Wikimedia blocks clients whose User-Agent carries no way to reach their operator, and one blocked address
 * stops every user of the instance. An instance on localhost (someone trying it out) reaches wikis from one
 * person's machine and says so; any other must name its operator.
 */
function contactFor(baseUrl: string, configured: string | undefined): string {
  if (configured) return configured;
  const host = new URL(baseUrl).hostname;
  if (host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "[::1]") {
    return "localhost instance";
  }
  throw new ConfigurationError(
    `WATCHDECK_CONTACT is not set. Watchdeck runs at ${baseUrl}, so every wiki it polls must be able to reach ` +
      "whoever runs it: set WATCHDECK_CONTACT to your email address or a web page that says how to contact you. " +
      "It is sent in the User-Agent of every request, as Wikimedia's User-Agent policy requires; wikis block " +
      "clients without one.",
  );
}
