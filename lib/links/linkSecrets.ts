import { serverConfig } from "@/lib/config/serverConfig";
import { keyringFromEnv } from "@/lib/crypto/keyring";
import { createSecretBox, type SecretBox } from "@/lib/crypto/secretBox";

let box: SecretBox | undefined;

function secretBox(): SecretBox {
  if (!box) {
    const config = serverConfig();
    box = createSecretBox(
      keyringFromEnv({ WATCHDECK_ENCRYPTION_KEY: config.encryptionKey, WATCHDECK_ENCRYPTION_KEYS_OLD: config.previousEncryptionKeys }),
    );
  }
  return box;
}

// The context binds each ciphertext to its row and column: copied elsewhere it will not open.
const secretContext = (linkId: string) => `wiki_link:${linkId}:secret`;
const sessionContext = (linkId: string) => `wiki_link:${linkId}:session`;

export const sealLinkSecret = (linkId: string, secret: string) => secretBox().seal(secret, secretContext(linkId));
export const openLinkSecret = (linkId: string, sealed: string) => secretBox().open(sealed, secretContext(linkId));
export const sealLinkSession = (linkId: string, cookies: string) => secretBox().seal(cookies, sessionContext(linkId));
export const openLinkSession = (linkId: string, sealed: string) => secretBox().open(sealed, sessionContext(linkId));
