import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of a process. Queries live in lib/<domain>/ files that import this;
 * nothing in app/ talks to Prisma directly.
 */
const globalForPrisma = globalThis as unknown as { watchdeckPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  if (!globalForPrisma.watchdeckPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Watchdeck with `npm start`, which provides one.");
    globalForPrisma.watchdeckPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return globalForPrisma.watchdeckPrisma;
}
