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

// The context binds each ciphertext to its row and column: copied elsewhere it will not open.
export const linkSecretContext = (linkId: string) => `wiki_link:${linkId}:secret`;
const sessionContext = (linkId: string) => `wiki_link:${linkId}:session`;

export const sealLinkSecret = (linkId: string, secret: string) => secretBox().seal(secret, linkSecretContext(linkId));
export const openLinkSecret = (linkId: string, sealed: string) => secretBox().open(sealed, linkSecretContext(linkId));
export const sealLinkSession = (linkId: string, cookies: string) => secretBox().seal(cookies, sessionContext(linkId));
export const openLinkSession = (linkId: string, sealed: string) => secretBox().open(sealed, sessionContext(linkId));

/** Said wherever a link's stored password or token no longer opens (the key was lost or rotated away). */
export const SECRET_UNREADABLE = {
  code: "secret_unreadable",
  message:
    "Watchdeck can no longer decrypt the stored password or token of this link. Enter it again in the link settings.",
} as const;

/** The link's secret, or null when it no longer opens; any other error is a bug and is thrown. */
export function openLinkSecretOrNull(linkId: string, sealed: string): string | null {
  try {
    return openLinkSecret(linkId, sealed);
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}
