import { prisma } from "@/lib/db/postgres";
import { fail } from "@/lib/result";
import type { LinkResult } from "./linkFailure";
import { invalidLinkInput, type LinkEditInput, linkEditInputSchema } from "./linkInput";
import { findLinkCredentials, siteFields, updateLinkRow } from "./linkRepository";
import { openLinkSecretOrNull, SECRET_UNREADABLE, sealLinkSecret, sealLinkSession } from "./linkSecrets";
import { restartLinkSync } from "./restartLinkSync";
import { type WikiNetwork, wikiNetwork } from "./serverNetwork";
import { validateLinkAgainstWiki } from "./validateLink";

const NOT_FOUND = fail("not_found", "not_found", "That wiki link does not exist.");
const UNREADABLE = fail("auth", SECRET_UNREADABLE.code, SECRET_UNREADABLE.message, { field: "secret" as const });

/** Set when the edit moved the link to another wiki account: its stored changes went and a first sync of the new one began. */
export type LinkEdited = { newAccount: string } | null;

/**
 * Edits a link. Name and colour change directly; a new user name or secret is validated
 * against the wiki first, and nothing changes when that fails. A user name of another wiki
 * account (not just another bot of the same one) makes it another watchlist: the link's sync
 * starts over (restartLinkSync).
 */
export async function editLink(
  userId: string,
  linkId: string,
  input: LinkEditInput,
  network: WikiNetwork = wikiNetwork(),
): Promise<LinkResult<LinkEdited>> {
  const parsed = linkEditInputSchema.safeParse(input);
  if (!parsed.success) return invalidLinkInput(parsed.error);
  const { displayName, color, username, secret } = parsed.data;
  const stored = await findLinkCredentials(userId, linkId);
  if (!stored) return NOT_FOUND;
  const credentialsChanged = (username !== undefined && username !== stored.loginName) || secret !== undefined;
  if (!credentialsChanged) {
    return (await updateLinkRow(userId, linkId, { displayName, color })) ? { ok: true, value: null } : NOT_FOUND;
  }
  const knownSecret = secret ?? openLinkSecretOrNull(stored.id, stored.secretSealed);
  if (knownSecret === null) return UNREADABLE;
  return revalidate(userId, stored, { username: username ?? stored.loginName, secret: knownSecret }, network, {
    displayName,
    color,
  });
}

/** Checks a stored link against its wiki again, refreshing what it can do and the wiki's details. */
export async function revalidateLink(
  userId: string,
  linkId: string,
  network: WikiNetwork = wikiNetwork(),
): Promise<LinkResult<LinkEdited>> {
  const stored = await findLinkCredentials(userId, linkId);
  if (!stored) return NOT_FOUND;
  const secret = openLinkSecretOrNull(stored.id, stored.secretSealed);
  if (secret === null) return UNREADABLE;
  return revalidate(userId, stored, { username: stored.loginName, secret }, network, {});
}

async function revalidate(
  userId: string,
  stored: NonNullable<Awaited<ReturnType<typeof findLinkCredentials>>>,
  credentials: { username: string; secret: string },
  network: WikiNetwork,
  extra: { displayName?: string; color?: string },
): Promise<LinkResult<LinkEdited>> {
  const validated = await validateLinkAgainstWiki(
    {
      wikiUrl: stored.site.apiUrl,
      authMode: stored.authMode,
      // Which source an unpinned token link reads is the poll's to decide (lib/sync/tokenLinkSource.ts).
      source: stored.sourcePinned ? "feed" : "api",
      ...credentials,
    },
    network,
  );
  if (!validated.ok) return validated;
  const link = validated.value;
  await prisma().site.update({
    where: { apiUrl: stored.site.apiUrl },
    data: siteFields(stored.site.apiUrl, link.siteInfo),
  });
  const updated = await updateLinkRow(userId, stored.id, {
    ...extra,
    loginName: link.loginName,
    wikiUsername: link.wikiUsername,
    secretSealed: sealLinkSecret(stored.id, link.secret),
    sessionSealed: link.sessionCookies ? sealLinkSession(stored.id, link.sessionCookies) : null,
    ...link.capabilities,
    validatedAt: new Date(),
  });
  if (!updated) {
    return {
      ok: false,
      failure: {
        kind: "conflict",
        code: "duplicate_link",
        field: "username",
        message: `You already linked ${link.wikiUsername} on ${link.siteInfo.siteName} in another link.`,
        values: { user: link.wikiUsername, site: link.siteInfo.siteName },
      },
    };
  }
  if (link.wikiUsername === stored.wikiUsername) return { ok: true, value: null };
  await restartLinkSync(stored.id);
  return { ok: true, value: { newAccount: link.wikiUsername } };
}
