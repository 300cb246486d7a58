import pg from "pg";

/** Every row of every table in the public schema, as text: for proving what is (not) stored. */
export async function dumpDatabaseText(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT row_to_json(t)::text AS row FROM ${pg.escapeIdentifier(name)} t`);
      parts.push(`-- ${name}`, ...rows.map((r: { row: string }) => r.row));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
