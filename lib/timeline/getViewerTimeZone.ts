import { prisma } from "@/lib/db/prisma";
import { usableTimeZone } from "./timeText";

/** The zone the user's times and date filters are in (UTC until they choose one). */
export async function getViewerTimeZone(userId: string): Promise<string> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return usableTimeZone(user?.timeZone);
}
