import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serverConfig } from "@/lib/config/serverConfig";
import { createKeyring } from "@/lib/crypto/keyring";
import { createSecretBox } from "@/lib/crypto/secretBox";
import { type BackupFormat, backupDatabase } from "@/lib/db/backup/backup";
import { chooseTool, serverMajorVersion } from "@/lib/db/backup/postgresTools";
import { restoreDatabase } from "@/lib/db/backup/restore";
import { closePgPool, inTransaction, prisma } from "@/lib/db/postgres";
import { checkStoredSecrets, storedSecretsVerdict } from "@/lib/links/checkStoredSecrets";
import { openLinkSecret, sealLinkSecret } from "@/lib/links/linkSecrets";
import { type WriteTarget, writeLinkChanges } from "@/lib/sync/store/writeLinkChanges";
import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { dumpDatabaseText } from "@/test/support/dumpDatabase";
import { createEmptyDatabase } from "@/test/support/testPostgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { editChange, newStoreLink, newStoreSite } from "../sync/storeFixture";
import { query } from "../sync/syncTestKit";

const BOT_PASSWORD = `bot-${randomBytes(12).toString("hex")}`;
const serverUrl = inject("pgServerUrl");
const pgDumpFits = (await chooseTool("pg_dump", await serverMajorVersion(serverUrl))).tool !== undefined;

let url: string;
let databaseName: string;
let link: WriteTarget;
let folder: string;
let before: { timeline: unknown; rows: string };
const logs: string[] = [];
const log = (line: string) => logs.push(line);

async function timeline() {
  const page = await getTimelinePage({ scope: { kind: "user", userId: link.userId }, filters: NO_FILTERS, limit: 100 });
  if (page.mode !== "changes") throw new Error("expected changes");
  return page.entries;
}

/** Every row of every table, each table's rows sorted: a restore may store them in another order. */
async function allRows(): Promise<string> {
  const sections = (await dumpDatabaseText(url)).split(/\n(?=-- )/);
  return sections
    .map((section) => {
      const [name, ...rows] = section.split("\n");
      return [name, ...rows.sort()].join("\n");
    })
    .join("\n");
}

/** What the app sees after a restore, read through fresh connections. */
async function snapshot() {
  return { timeline: await timeline(), rows: await allRows() };
}

async function disconnectApp() {
  await prisma().$disconnect();
  await closePgPool();
}

beforeAll(async () => {
  url = await useTestDatabase(import.meta.url);
  databaseName = new URL(url).pathname.slice(1);
  folder = await mkdtemp(path.join(os.tmpdir(), "watchdeck-backup-"));
  const siteId = await newStoreSite();
  link = await newStoreLink("backedup", siteId);
  await query("UPDATE wiki_links SET secret_sealed = $1 WHERE id = $2", [
    sealLinkSecret(link.linkId, BOT_PASSWORD),
    link.linkId,
  ]);
  await inTransaction((client) =>
    writeLinkChanges(client, link, [
      editChange(1),
      editChange(2, { minor: true }),
      editChange(3, { tags: ["mobile edit"] }),
    ]),
  );
  before = await snapshot();
  expect((before.timeline as unknown[]).length).toBe(3);
});

afterAll(async () => {
  await disconnectApp();
  await rm(folder, { recursive: true, force: true });
});

const roundTrips: BackupFormat[] = pgDumpFits ? ["watchdeck", "pg_dump"] : ["watchdeck"];

describe("backup and restore", () => {
  it.each(roundTrips)(
    "brings back the timeline and the encrypted credentials from a %s backup into a recreated database",
    async (format) => {
      const file = path.join(folder, `round-trip.${format}.backup`);
      expect(await backupDatabase(url, file, { format, log })).toMatchObject({ format });

      await disconnectApp();
      await createEmptyDatabase(serverUrl, databaseName); // dropped and created again: nothing of the old data is left
      const result = await restoreDatabase(url, file, { log });
      expect(result.format).toBe(format);

      expect(await snapshot()).toEqual(before);
      const [sealed] = await query<{ secret_sealed: string }>("SELECT secret_sealed FROM wiki_links WHERE id = $1", [
        link.linkId,
      ]);
      expect(openLinkSecret(link.linkId, sealed!.secret_sealed)).toBe(BOT_PASSWORD);
      const sameKey = createSecretBox(createKeyring({ key: Buffer.from(serverConfig().encryptionKey, "base64") }));
      const check = await checkStoredSecrets(sameKey);
      expect(check).toEqual({ links: 1, unreadable: 0, firstProblem: undefined });
      // New changes get new ids after the restored ones: the sequences came back too.
      await inTransaction((client) => writeLinkChanges(client, link, [editChange(4)]));
      expect((await timeline()).length).toBe(4);
      await query("DELETE FROM changes WHERE change_key = 'rev:4'");
    },
  );

  it("says plainly that the stored credentials do not open when the restored server has another key", async () => {
    const otherKey = createSecretBox(createKeyring({ key: randomBytes(32) }));
    const check = await checkStoredSecrets(otherKey);
    expect(check).toMatchObject({ links: 1, unreadable: 1 });
    const verdict = storedSecretsVerdict(check);
    expect(verdict).toMatch(/^1 of 1 stored wiki passwords and tokens do not open with this server's encryption key/);
    expect(verdict).toContain(
      "Put back the .data/secrets.json (or WATCHDECK_ENCRYPTION_KEY) that was in use when the backup was made",
    );
    expect(verdict).not.toContain(BOT_PASSWORD);
  });

  if (!pgDumpFits) {
    it("names the pg_dump version it needs when asked for pg_dump and none is as new as the server", async () => {
      const major = await serverMajorVersion(url);
      const file = path.join(folder, "no-tool.backup");
      await expect(backupDatabase(url, file, { format: "pg_dump", log })).rejects.toThrow(
        new RegExp(
          `^pg_dump ${major} or newer is needed for this PostgreSQL ${major} server \\(.*\\): install the PostgreSQL ${major} client tools\\.$`,
        ),
      );
      await expect(stat(file)).rejects.toThrow(/ENOENT/);
      await expect(stat(`${file}.partial`)).rejects.toThrow(/ENOENT/);
    });
  }

  it("refuses to restore while another session uses the database, and restores nothing", async () => {
    const file = path.join(folder, "busy.backup");
    await backupDatabase(url, file, { format: "watchdeck", log });
    await disconnectApp();
    const other = new pg.Client({ connectionString: url, application_name: "watchdeck-web" });
    await other.connect();
    try {
      await expect(restoreDatabase(url, file, { log })).rejects.toThrow(
        /^1 other session \(watchdeck-web\) uses this database: stop Watchdeck first \(or pass --force to restore anyway\)\.$/,
      );
    } finally {
      await other.end();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a cut-off backup and leaves the database as it was", async () => {
    const file = path.join(folder, "cut.backup");
    await backupDatabase(url, file, { format: "watchdeck", log });
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await disconnectApp();
    await expect(restoreDatabase(url, file, { log })).rejects.toThrow(
      /^The backup file is incomplete \(it was cut off while being written or copied\); nothing was restored\.$/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file that is not a backup", async () => {
    const file = path.join(folder, "notes.txt");
    await writeFile(file, "not a backup");
    await expect(restoreDatabase(url, file, { log })).rejects.toThrow(/is not a backup made by `npm run backup`/);
  });

  it("restores over a database in use when forced, saying so, and never says the database password", async () => {
    const file = path.join(folder, "forced.backup");
    await backupDatabase(url, file, { log });
    await disconnectApp();
    const other = new pg.Client({ connectionString: url, application_name: "watchdeck-worker" });
    await other.connect();
    try {
      await restoreDatabase(url, file, { force: true, log });
    } finally {
      await other.end();
    }
    expect(logs).toContain("1 other session (watchdeck-worker) uses this database; restoring anyway (--force).");
    await disconnectApp();
    expect(await snapshot()).toEqual(before);
    const password = decodeURIComponent(new URL(url).password);
    if (password) expect(logs.join("\n")).not.toContain(password);
  });
});
