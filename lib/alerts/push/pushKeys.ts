import { type ServerConfig, serverConfig } from "@/lib/config/serverConfig";
import { loadOrCreateVapidKeys, type VapidKeys } from "@/lib/config/vapidKeys";

export interface PushIdentity extends VapidKeys {
  /** VAPID "sub": how a push service reaches the operator. */
  subject: string;
}

let cached: PushIdentity | undefined;

/** The server's VAPID keys and subject: the operator's, else generated into the data folder. */
export function pushIdentity(): PushIdentity {
  if (!cached) {
    const config = serverConfig();
    const keys = config.vapidKeys ?? loadOrCreateVapidKeys(config.dataDir, (m) => console.log(`[watchdeck] ${m}`));
    cached = { ...keys, subject: vapidSubject(config) };
  }
  return cached;
}

/** The public key for the page's PushManager.subscribe (applicationServerKey). */
export function pushPublicKey(): string {
  return pushIdentity().publicKey;
}

/** WATCHDECK_VAPID_SUBJECT, else the mail sender, else the server's https URL, else a placeholder push services accept. */
export function vapidSubject(config: Pick<ServerConfig, "vapidSubject" | "mailFrom" | "baseUrl">): string {
  if (config.vapidSubject) return config.vapidSubject;
  const sender = config.mailFrom ? /<([^<>@\s]+@[^<>\s]+)>|^([^<>@\s]+@[^<>\s]+)$/.exec(config.mailFrom.trim()) : null;
  if (sender) return `mailto:${sender[1] ?? sender[2]}`;
  const base = new URL(config.baseUrl);
  if (base.protocol === "https:" && base.hostname !== "localhost") return base.origin;
  return "mailto:watchdeck@example.invalid";
}
