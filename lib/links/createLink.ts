import { randomUUID } from "node:crypto";
import { firstFreeColor } from "./linkColors";
import type { LinkResult } from "./linkFailure";
import { invalidLinkInput, type NewLinkInput, newLinkInputSchema } from "./linkInput";
import { insertLink, listLinksForUser, upsertSite } from "./linkRepository";
import { sealLinkSecret, sealLinkSession } from "./linkSecrets";
import { type WikiNetwork, wikiNetwork } from "./serverNetwork";
import { validateLinkAgainstWiki } from "./validateLink";

/** Validates a new link against its wiki and stores it; nothing is stored when any check fails. */
export async function createLink(
  userId: string,
  input: NewLinkInput,
  network: WikiNetwork = wikiNetwork(),
): Promise<LinkResult<{ linkId: string }>> {
  const parsed = newLinkInputSchema.safeParse(input);
  if (!parsed.success) return invalidLinkInput(parsed.error);
  const form = parsed.data;
  const validated = await validateLinkAgainstWiki(form, network);
  if (!validated.ok) return validated;
  const link = validated.value;

  const siteId = await upsertSite(link.apiUrl, link.siteInfo);
  const id = randomUUID();
  const color = form.color ?? firstFreeColor((await listLinksForUser(userId)).map((l) => l.color));
  const inserted = await insertLink({
    id,
    userId,
    siteId,
    displayName: form.displayName ?? link.siteInfo.siteName,
    color,
    authMode: link.authMode,
    source: link.source,
    feedFormat: link.feedFormat,
    sourcePinned: link.sourcePinned,
    sourceNote: link.sourceNote,
    loginName: link.loginName,
    wikiUsername: link.wikiUsername,
    secretSealed: sealLinkSecret(id, link.secret),
    sessionSealed: link.sessionCookies ? sealLinkSession(id, link.sessionCookies) : null,
    ...link.capabilities,
  });
  if (!inserted) {
    return {
      ok: false,
      failure: {
        kind: "conflict",
        code: "duplicate_link",
        field: "username",
        message: `You already linked ${link.wikiUsername} on ${link.siteInfo.siteName}. A wiki can be linked twice only with different accounts.`,
        values: { user: link.wikiUsername, site: link.siteInfo.siteName },
      },
    };
  }
  return { ok: true, value: { linkId: id } };
}
