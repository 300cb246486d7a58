import { SecretBoxError } from "@/lib/crypto/SecretBoxError";
import type { SecretBox } from "@/lib/crypto/secretBox";
import { listSealedLinkSecrets } from "./linkRepository";
import { linkSecretContext } from "./linkSecrets";

export interface StoredSecretsCheck {
  links: number;
  unreadable: number;
  /** Why the first unreadable secret did not open (never the secret or the key). */
  firstProblem?: string;
}

/**
 * Opens every link's stored password or token with `box` (the key this server will run with),
 * so a restore says at once whether the key kept with the backup was put back.
 */
export async function checkStoredSecrets(box: SecretBox): Promise<StoredSecretsCheck> {
  const links = await listSealedLinkSecrets();
  let unreadable = 0;
  let firstProblem: string | undefined;
  for (const link of links) {
    try {
      box.open(link.secretSealed, linkSecretContext(link.id));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      unreadable++;
      firstProblem ??= error.message;
    }
  }
  return { links: links.length, unreadable, firstProblem };
}

/** One line for the operator: all is well, or which key to put back. */
export function storedSecretsVerdict(check: StoredSecretsCheck): string {
  if (check.unreadable === 0) {
    return `All ${check.links} stored wiki passwords and tokens open with this server's encryption key.`;
  }
  return (
    `${check.unreadable} of ${check.links} stored wiki passwords and tokens do not open with this server's encryption key ` +
    `(${check.firstProblem}). Put back the .data/secrets.json (or WATCHDECK_ENCRYPTION_KEY) that was in use when the backup ` +
    `was made, before Watchdeck starts; otherwise each of those links needs its password or token entered again.`
  );
}
