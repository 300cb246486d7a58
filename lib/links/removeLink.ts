import { countLinkChanges } from "@/lib/db/linkChanges";
import { deleteLinkRow, findLinkForUser } from "./linkRepository";

/** Removes one of the user's links and, through the schema's cascades, what only it held. */
export function removeLink(userId: string, linkId: string): Promise<boolean> {
  return deleteLinkRow(userId, linkId);
}

/** What removing the link would delete, for the confirmation to name; null when it is not the user's link. */
export async function linkRemovalCost(userId: string, linkId: string): Promise<{ storedChanges: number } | null> {
  if (!(await findLinkForUser(userId, linkId))) return null;
  return { storedChanges: await countLinkChanges(linkId) };
}
