import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { CREATE_MIGRATIONS_TABLE, type MigrationFile, readMigrations } from "@/lib/db/migrate";
import { BackupError } from "./BackupError";

/**
 * Watchdeck's own dump, for when no pg_dump as new as the server exists (the embedded server's
 * package ships none). Gzipped lines: a header naming the applied migrations, then per table of the
 * public schema a `#table` line and its rows as row_to_json, then the sequences, then `#end` with
 * the counts, so a cut-off file is refused. The schema is not dumped: restore rebuilds it from the
 * same migrations, then Postgres itself turns each row's JSON back into values (json_populate_recordset),
 * so no type is converted in JavaScript. The job queue (graphile_worker) is left out: the worker's sweep
 * queues every link's sync again from the links' own state.
 */
export const WATCHDECK_DUMP_FORMAT = "watchdeck-dump";
const FORMAT_VERSION = 1;
const FETCH_ROWS = 5000;
const INSERT_BATCH_ROWS = 1000;
const INSERT_BATCH_CHARS = 8_000_000;

interface Header {
  format: typeof WATCHDECK_DUMP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
}

export interface DumpCounts {
  tables: number;
  rows: number;
}

export async function writeWatchdeckDump(databaseUrl: string, file: string): Promise<DumpCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    // One snapshot for every table: the dump is consistent while the app keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows: migrated } = await client.query<{ table: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS table`,
    );
    if (!migrated[0]!.table)
      throw new BackupError(
        "This database has no Watchdeck tables (Watchdeck never started on it): there is nothing to back up.",
      );
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const header: Header = {
      format: WATCHDECK_DUMP_FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version[0]!.server_version,
      migrations,
    };
    await write(JSON.stringify(header));
    const counts: DumpCounts = { tables: 0, rows: 0 };
    for (const table of await tablesParentsFirst(client)) {
      await write(`#table ${JSON.stringify({ name: table })}`);
      counts.tables++;
      await client.query(
        `DECLARE dump_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${pg.escapeIdentifier(table)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM dump_rows`);
        if (rows.length) await write(rows.map((r) => r.row).join("\n"));
        counts.rows += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE dump_rows");
    }
    for (const sequence of await sequences(client)) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${pg.escapeIdentifier(sequence)}`,
      );
      await write(
        `#sequence ${JSON.stringify({ name: sequence, value: rows[0]!.last_value, isCalled: rows[0]!.is_called })}`,
      );
    }
    await write(`#end ${JSON.stringify(counts)}`);
    await client.query("COMMIT");
    gzip.end();
    await written;
    return counts;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The public schema's tables, each after those its foreign keys point at, so rows load in file order. */
async function tablesParentsFirst(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`,
  );
  const parents = new Map<string, string[]>(tables.map((t) => [t.name, []]));
  for (const { child, parent } of references) parents.get(child)?.push(parent);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

async function sequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return rows.map((r) => r.name);
}

export interface RestoreCounts extends DumpCounts {
  /** Migrations newer than the dump, left for the app's next start to apply. */
  pendingMigrations: string[];
}

/**
 * Replaces the public schema of the database with the dump's, in one transaction: a restore that
 * fails part-way (a cut-off file, a newer dump) leaves the database as it was.
 */
export async function restoreWatchdeckDump(databaseUrl: string, file: string): Promise<RestoreCounts> {
  const source = createReadStream(file);
  const lines = createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity });
  try {
    return await restoreLines(databaseUrl, lines[Symbol.asyncIterator]());
  } catch (error) {
    // zlib's errors (Z_BUF_ERROR: "unexpected end of file", Z_DATA_ERROR) mean the file was cut off or damaged.
    if (String((error as { code?: unknown }).code).startsWith("Z_")) throw new BackupError(INCOMPLETE);
    throw error;
  } finally {
    lines.close();
    source.destroy();
  }
}

const INCOMPLETE =
  "The backup file is incomplete (it was cut off while being written or copied); nothing was restored.";

async function restoreLines(databaseUrl: string, iterator: AsyncIterator<string>): Promise<RestoreCounts> {
  const first = await iterator.next();
  const header = parseHeader(first.done ? "" : first.value);
  const { apply, pending } = migrationsOfDump(header, await readMigrations());

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL lock_timeout = '15s'");
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    await client.query(CREATE_MIGRATIONS_TABLE);
    for (const migration of apply) await client.query(migration.sql);

    const counts: DumpCounts = { tables: 0, rows: 0 };
    let table: { name: string; columns: string } | undefined;
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      const name = pg.escapeIdentifier(table.name);
      await client.query(
        `INSERT INTO ${name} (${table.columns}) OVERRIDING SYSTEM VALUE
         SELECT ${table.columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      counts.rows += batch.length;
      batch = [];
      batchChars = 0;
    };
    let end: DumpCounts | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line.startsWith("#")) {
        if (!table) throw new BackupError("The backup file is damaged: a row comes before its table.");
        batch.push(line);
        batchChars += line.length;
        if (batch.length >= INSERT_BATCH_ROWS || batchChars >= INSERT_BATCH_CHARS) await flush();
        continue;
      }
      await flush();
      const [marker, json = "{}"] = splitMarker(line);
      const value = JSON.parse(json) as Record<string, unknown>;
      if (marker === "#table") {
        const name = String(value.name);
        table = { name, columns: await insertableColumns(client, name) };
        counts.tables++;
      } else if (marker === "#sequence") {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
          pg.escapeIdentifier(String(value.name)),
          value.value,
          value.isCalled,
        ]);
      } else if (marker === "#end") {
        end = { tables: Number(value.tables), rows: Number(value.rows) };
      }
    }
    if (!end || end.tables !== counts.tables || end.rows !== counts.rows) {
      throw new BackupError(INCOMPLETE);
    }
    await client.query("COMMIT");
    return { ...counts, pendingMigrations: pending };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function splitMarker(line: string): [string, string?] {
  const space = line.indexOf(" ");
  return space < 0 ? [line] : [line.slice(0, space), line.slice(space + 1)];
}

function parseHeader(line: string): Header {
  let header: Partial<Header> | undefined;
  try {
    header = JSON.parse(line) as Partial<Header>;
  } catch {
    header = undefined;
  }
  if (header?.format !== WATCHDECK_DUMP_FORMAT || !Array.isArray(header.migrations)) {
    throw new BackupError("This file is not a Watchdeck backup.");
  }
  if (header.version !== FORMAT_VERSION) {
    throw new BackupError(
      `This backup has format version ${header.version}; this Watchdeck reads version ${FORMAT_VERSION}. Restore it with the Watchdeck version that wrote it.`,
    );
  }
  return header as Header;
}

/** The app's migrations up to the dump's last one; the dump's must be exactly those, unchanged. */
function migrationsOfDump(header: Header, known: MigrationFile[]): { apply: MigrationFile[]; pending: string[] } {
  const byName = new Map(known.map((m) => [m.name, m]));
  for (const { name, checksum } of header.migrations) {
    const ours = byName.get(name);
    if (!ours)
      throw new BackupError(
        `This backup is from a newer Watchdeck (it has migration ${name}, which this one lacks). Update Watchdeck, then restore.`,
      );
    if (ours.checksum !== checksum)
      throw new BackupError(
        `Migration ${name} differs between this Watchdeck and the backup's; restore with the Watchdeck version that wrote it.`,
      );
  }
  const last = header.migrations.at(-1)?.name ?? "";
  const apply = known.filter((m) => m.name <= last);
  if (apply.length !== header.migrations.length) {
    throw new BackupError(
      "The backup's database skipped a migration this Watchdeck has; restore with the Watchdeck version that wrote it.",
    );
  }
  return { apply, pending: known.filter((m) => m.name > last).map((m) => m.name) };
}

// Generated columns are computed again on insert; naming the rest also keeps the JSON's order irrelevant.
async function insertableColumns(client: pg.ClientBase, table: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [pg.escapeIdentifier(table)],
  );
  if (!rows.length) throw new BackupError(`The backup has table ${table}, which the restored schema lacks.`);
  return rows.map((r) => pg.escapeIdentifier(r.name)).join(", ");
}
