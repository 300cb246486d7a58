import path from "node:path";
import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by `prisma migrate deploy`; `prisma generate` runs without it.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
