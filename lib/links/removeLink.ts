import { deleteLinkRow } from "./linkRepository";

/** Removes one of the user's links and, through the schema's cascades, what only it held. */
export function removeLink(userId: string, linkId: string): Promise<boolean> {
  return deleteLinkRow(userId, linkId);
}
