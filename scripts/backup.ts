// `npm run backup [-- FILE] [--format pg_dump|watchdeck]`: a consistent dump of Watchdeck's database.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { localSecretsFile } from "@/lib/config/localSecrets";
import { dataDirFromEnv } from "@/lib/config/serverConfig";
import { BackupError } from "@/lib/db/backup/BackupError";
import { backupDatabase } from "@/lib/db/backup/backup";
import { openBackupTarget } from "@/lib/db/backup/backupTarget";

const log = (line: string) => console.log(`[backup] ${line}`);

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: "string" } } });
  const format = z.enum(["pg_dump", "watchdeck"]).optional().parse(values.format);
  const stamp = new Date().toISOString().replace(/\..*$/, "").replace(/[-:]/g, "").replace("T", "-");
  const file = path.resolve(positionals[0] ?? `watchdeck-${stamp}.backup`);
  const dataDir = dataDirFromEnv(process.env);
  const target = await openBackupTarget({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    embeddedPort: Number(process.env.WATCHDECK_EMBEDDED_PG_PORT ?? 54329),
    log,
  });
  try {
    const result = await backupDatabase(target.url, file, { format, log });
    log(`Wrote ${file} (${result.detail}).`);
    const secretsFile = localSecretsFile(dataDir);
    const key = process.env.WATCHDECK_ENCRYPTION_KEY
      ? "your WATCHDECK_ENCRYPTION_KEY"
      : existsSync(secretsFile)
        ? secretsFile
        : undefined;
    if (key) log(`Keep it together with ${key}: without that key the stored wiki credentials cannot be decrypted.`);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError || error instanceof z.ZodError ? `[backup] ${error.message}` : error);
  process.exit(1);
});
