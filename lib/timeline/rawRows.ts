import { pgPool } from "@/lib/db/postgres";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A statement built with Prisma.sql, run on the raw pool. The timeline's reads run on every page and every poll:
 * through Prisma's $queryRaw a page of 50 rows cost ~1.4 ms of node CPU, through the pool ~0.6 ms. The pool gives
 * int8 columns as strings (Prisma gave bigints): every reader of such a column converts it with BigInt().
 */
export async function rawRows<T>(sql: Prisma.Sql): Promise<T[]> {
  return (await pgPool().query(sql.text, sql.values)).rows as T[];
}
