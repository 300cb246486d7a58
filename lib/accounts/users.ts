import { prisma } from "@/lib/db/postgres";

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
