import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sign-in throttling, per account and per client address. A few failures are free (typos); after that each
 * failure doubles the wait before the next attempt of that key, up to a quarter of an hour. Counted in
 * Postgres so that every server process refuses alike. An hour without failures starts a key afresh.
 */
export const FREE_FAILURES = { account: 5, address: 20 } as const;
const FIRST_DELAY_SECONDS = 1;
const MAX_DELAY_SECONDS = 15 * 60;
const FORGET_AFTER = "1 hour";

export interface SignInKeys {
  email: string;
  /** The client's address, when known. */
  address: string | null;
}

function keysOf({ email, address }: SignInKeys): { key: string; free: number }[] {
  const keys: { key: string; free: number }[] = [
    { key: `account:${email.trim().toLowerCase()}`, free: FREE_FAILURES.account },
  ];
  if (address) keys.push({ key: `address:${address}`, free: FREE_FAILURES.address });
  return keys;
}

/** Seconds to wait before this sign-in may be tried, or 0 when it may be tried now. */
export async function signInWaitSeconds(keys: SignInKeys): Promise<number> {
  const rows = await prisma().signInThrottle.findMany({
    where: { key: { in: keysOf(keys).map((k) => k.key) }, blockedUntil: { gt: new Date() } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until === 0 ? 0 : Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

/** Counts a failed sign-in against the account and the address. */
export async function recordSignInFailure(keys: SignInKeys): Promise<void> {
  const db = prisma();
  for (const { key, free } of keysOf(keys)) {
    // One statement per key: concurrent failures each count, whichever process they reach.
    const failures = Prisma.sql`CASE WHEN t.last_failure_at < now() - ${FORGET_AFTER}::interval THEN 1 ELSE t.failures + 1 END`;
    await db.$executeRaw`
      INSERT INTO sign_in_throttles AS t (key, failures, last_failure_at, blocked_until)
      VALUES (${key}, 1, now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = ${failures},
        last_failure_at = now(),
        blocked_until = CASE WHEN ${failures} > ${free}
          THEN now() + least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, least(${failures} - ${free} - 1, 30))) * interval '1 second' END`;
  }
  await db.$executeRaw`
    DELETE FROM sign_in_throttles
    WHERE last_failure_at < now() - ${FORGET_AFTER}::interval AND (blocked_until IS NULL OR blocked_until < now())`;
}

/** A correct password clears the account's count (not the address's: one account of one's own must not reset it). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await prisma().signInThrottle.deleteMany({ where: { key: keysOf({ email, address: null })[0]!.key } });
}

/** "Too many sign-in attempts…", with the wait in words a person reads. */
export function throttledMessage(waitSeconds: number): string {
  const wait =
    waitSeconds < 60
      ? `${waitSeconds} second${waitSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(waitSeconds / 60)} minute${Math.ceil(waitSeconds / 60) === 1 ? "" : "s"}`;
  return `Too many sign-in attempts. Wait ${wait}, then try again.`;
}
