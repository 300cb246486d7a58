import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Every write Watchdeck makes to its own copy of a link's watchlist state (link_changes) right
 * after the wiki accepted a change, so the timeline is right at once rather than after the next sync.
 */

/** Sets the unread marker of the link's rows of these pages: null = read. */
export async function setLocalNotificationTimestamp(
  linkId: string,
  titles: readonly string[],
  value: Date | null,
): Promise<number> {
  if (titles.length === 0) return 0;
  return prisma().$executeRaw`
    UPDATE link_changes SET notification_timestamp = ${value}
    WHERE ${rowsOfPages(linkId, titles)}`;
}

/** Every row of the link read: the whole watchlist was marked seen on the wiki. */
export async function clearLocalUnread(linkId: string): Promise<number> {
  const { count } = await prisma().linkChange.updateMany({
    where: { linkId, notificationTimestamp: { not: null } },
    data: { notificationTimestamp: null },
  });
  return count;
}

export async function setLocalWatchExpiry(
  linkId: string,
  titles: readonly string[],
  expiry: Date | null,
): Promise<number> {
  if (titles.length === 0) return 0;
  return prisma().$executeRaw`UPDATE link_changes SET watch_expiry = ${expiry} WHERE ${rowsOfPages(linkId, titles)}`;
}

/** An unwatched page leaves the link's watchlist on the wiki, so its rows leave the timeline too. */
export async function removeLocalRows(linkId: string, titles: readonly string[]): Promise<number> {
  if (titles.length === 0) return 0;
  return prisma().$executeRaw`DELETE FROM link_changes WHERE ${rowsOfPages(linkId, titles)}`;
}

/** The link's rows of changes to these pages. */
function rowsOfPages(linkId: string, titles: readonly string[]): Prisma.Sql {
  return Prisma.sql`link_id = ${linkId}::uuid AND change_id IN (
    SELECT l.change_id FROM link_changes l JOIN changes c ON c.id = l.change_id
    WHERE l.link_id = ${linkId}::uuid AND c.title = ANY(${[...titles]}::text[]))`;
}
