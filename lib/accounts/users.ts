import { prisma } from "@/lib/db/prisma";

export interface AccountUser {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  sessionEpoch: number;
  /** The zone the user chose for times and date filters; null = UTC. */
  timeZone: string | null;
}

export const accountFields = { id: true, email: true, name: true, isAdmin: true, sessionEpoch: true, timeZone: true } as const;

export function findUserById(id: string): Promise<AccountUser | null> {
  return prisma().user.findUnique({ where: { id }, select: accountFields });
}

export function findUserWithHashByEmail(email: string) {
  return prisma().user.findUnique({ where: { email }, select: { ...accountFields, passwordHash: true } });
}

/**
 * Ends every session of the user: each request compares its token's epoch with this one. With `onlyFrom`,
 * only when the epoch is still that one, so a replayed sign-out of an already ended session ends no newer one.
 * Returns the new epoch, or null when nothing changed.
 */
export async function bumpSessionEpoch(userId: string, onlyFrom?: number): Promise<number | null> {
  const rows = await prisma().user.updateManyAndReturn({
    where: { id: userId, ...(onlyFrom === undefined ? {} : { sessionEpoch: onlyFrom }) },
    data: { sessionEpoch: { increment: 1 } },
    select: { sessionEpoch: true },
  });
  return rows[0]?.sessionEpoch ?? null;
}
