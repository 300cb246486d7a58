import { SecretBoxError } from "@/lib/crypto/SecretBoxError";
import { findLinkForUser } from "@/lib/links/linkRepository";
import { SECRET_UNREADABLE } from "@/lib/links/linkSecrets";
import { type OpenedLink, openLinkClient } from "@/lib/links/openLinkClient";
import { type WikiNetwork, wikiNetwork } from "@/lib/links/serverNetwork";
import { failed } from "@/lib/result";
import type { SiteNamespaces } from "./pageTitles";
import { siteNamespaces } from "./siteNamespaces";
import { type WatchingAction, watchingRefusal } from "./watchingRefusal";
import { linkNotFound, type WatchingResult } from "./watchingResult";

export interface OwnLink {
  opened: OpenedLink;
  siteName: string;
  namespaces: SiteNamespaces;
}

/**
 * One of the acting user's own links, ready to talk to its wiki, once it is certain the user
 * owns it and (unless only reading) the link may do the action. A team view passes the
 * acting member's id here, so it can never act through another member's link.
 */
export async function openOwnLink(
  userId: string,
  linkId: string,
  action: WatchingAction | "read",
  network: WikiNetwork = wikiNetwork(),
): Promise<WatchingResult<OwnLink>> {
  const link = await findLinkForUser(userId, linkId);
  if (!link) return failed(linkNotFound);
  if (action !== "read") {
    const refusal = watchingRefusal(link, action);
    if (refusal) return failed(refusal);
  }
  let opened: OpenedLink | null;
  try {
    opened = await openLinkClient(link.id, network);
  } catch (error) {
    if (error instanceof SecretBoxError) return failed({ kind: "auth", ...SECRET_UNREADABLE });
    throw error;
  }
  if (!opened || opened.link.userId !== userId) return failed(linkNotFound);
  return { ok: true, value: { opened, siteName: link.site.name, namespaces: await siteNamespaces(link.site.id) } };
}
