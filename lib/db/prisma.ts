import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of a process. Queries live in lib/<domain>/ files that import this;
 * nothing in app/ talks to Prisma directly.
 */
const globalForPrisma = globalThis as unknown as { watchdeckPrisma?: PrismaClient };

/**
 * No parallel query: the timeline's LIMIT-ed newest-first walks stop early when run serially, but a
 * parallel plan (Gather Merge) makes each worker walk its whole share first — 30× slower for a tag or
 * text filter at 1M changes — and under load the extra workers only compete for the same cores.
 */
export const SESSION_OPTIONS = "-c max_parallel_workers_per_gather=0";

export function prisma(): PrismaClient {
  if (!globalForPrisma.watchdeckPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Watchdeck with `npm start`, which provides one.");
    globalForPrisma.watchdeckPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: SESSION_OPTIONS }) });
  }
  return globalForPrisma.watchdeckPrisma;
}
