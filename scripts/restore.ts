// `npm run restore FILE [-- --force]`: replaces Watchdeck's database with a backup made by `npm run backup`.
import { parseArgs } from "node:util";
import { readLocalSecrets } from "@/lib/config/localSecrets";
import { dataDirFromEnv } from "@/lib/config/serverConfig";
import { keyringFromEnv } from "@/lib/crypto/keyring";
import { createSecretBox } from "@/lib/crypto/secretBox";
import { BackupError } from "@/lib/db/backup/BackupError";
import { openBackupTarget } from "@/lib/db/backup/backupTarget";
import { backupFormatOf, restoreDatabase } from "@/lib/db/backup/restore";
import { checkStoredSecrets, storedSecretsVerdict } from "@/lib/links/checkStoredSecrets";

const log = (line: string) => console.log(`[restore] ${line}`);

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false } },
  });
  const file = positionals[0];
  if (!file) throw new BackupError("Name the backup file: npm run restore FILE");
  await backupFormatOf(file); // a wrong name fails before any database is started
  // The key is read, never generated: a restore must not invent a key the backup's credentials cannot match.
  const dataDir = dataDirFromEnv(process.env);
  const encryptionKey = process.env.WATCHDECK_ENCRYPTION_KEY ?? readLocalSecrets(dataDir)?.encryptionKey;
  const target = await openBackupTarget({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    embeddedPort: Number(process.env.WATCHDECK_EMBEDDED_PG_PORT ?? 54329),
    log,
  });
  try {
    const result = await restoreDatabase(target.url, file, { force: values.force, log });
    log(`Restored ${file} (${result.detail}).`);
    if (result.pendingMigrations.length)
      log(`Watchdeck applies ${result.pendingMigrations.length} newer migrations at its next start.`);
    process.env.DATABASE_URL = target.url;
    if (!encryptionKey) {
      log(
        `No encryption key: put back the secrets.json kept with this backup into ${dataDir} (or set WATCHDECK_ENCRYPTION_KEY) before Watchdeck starts.`,
      );
    } else {
      const box = createSecretBox(
        keyringFromEnv({
          WATCHDECK_ENCRYPTION_KEY: encryptionKey,
          WATCHDECK_ENCRYPTION_KEYS_OLD: process.env.WATCHDECK_ENCRYPTION_KEYS_OLD,
        }),
      );
      log(storedSecretsVerdict(await checkStoredSecrets(box)));
    }
  } finally {
    await target.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof BackupError ? `[restore] ${error.message}` : error);
    process.exit(1);
  });
