import { serverConfig } from "@/lib/config/serverConfig";
import packageJson from "@/package.json";
import { alertSettings } from "./alertSettings";
import type { AlertChannelKind, SendAlert } from "./alertTypes";
import { createEmailChannel } from "./email/emailChannel";
import { createPushChannel } from "./push/pushChannel";
import { pushIdentity } from "./push/pushKeys";
import { createWebhookChannel } from "./webhook/sendWebhook";

/** The channels this server can send through, by kind; a kind without one fails its deliveries as unavailable. */
export type AlertChannels = Partial<Record<AlertChannelKind, SendAlert>>;

let cached: AlertChannels | undefined;

export function alertChannels(): AlertChannels {
  if (!cached) {
    const config = serverConfig();
    cached = {
      webhook: createWebhookChannel({
        allowPrivateNetworks: config.allowPrivateNetworks,
        timeoutMs: alertSettings().webhookTimeoutMs,
        userAgent: `Watchdeck/${packageJson.version} (${config.contact}; alert webhook)`,
      }),
      email: createEmailChannel(config),
      push: createPushChannel({
        identity: pushIdentity,
        baseUrl: config.baseUrl,
        allowPrivateNetworks: config.allowPrivateNetworks,
        timeoutMs: alertSettings().webhookTimeoutMs,
      }),
    };
  }
  return cached;
}
