import { randomBytes } from "node:crypto";
import { serverConfig } from "@/lib/config/serverConfig";
import { keyringFromEnv } from "@/lib/crypto/keyring";
import { SecretBoxError } from "@/lib/crypto/SecretBoxError";
import { createSecretBox, type SecretBox } from "@/lib/crypto/secretBox";

let box: SecretBox | undefined;

function secretBox(): SecretBox {
  if (!box) {
    const config = serverConfig();
    box = createSecretBox(
      keyringFromEnv({
        WATCHDECK_ENCRYPTION_KEY: config.encryptionKey,
        WATCHDECK_ENCRYPTION_KEYS_OLD: config.previousEncryptionKeys,
      }),
    );
  }
  return box;
}

// Bound to the alert's row: copied into another alert, the sealed secret will not open.
const webhookSecretContext = (alertId: string) => `alert:${alertId}:webhook_secret`;

/** A new signing secret: 32 random bytes, shown once to the owner as `whsec_<base64url>`. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export const sealWebhookSecret = (alertId: string, secret: string) =>
  secretBox().seal(secret, webhookSecretContext(alertId));

/** The alert's signing secret, or null when it no longer opens (the key was rotated away). */
export function openWebhookSecret(alertId: string, sealed: string): string | null {
  try {
    return secretBox().open(sealed, webhookSecretContext(alertId));
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}
