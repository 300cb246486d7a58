import pg from "pg";

/**
 * Adds changes straight to the e2e database, for the one link the account has to `wikiName`: more rows than
 * a test could make through a wiki. Keys are `e2e:…`, which no sync writes, so the wiki's own changes and the
 * next sync are left alone. Returns how many changes were added.
 */
export async function seedChanges(
  email: string,
  wikiName: string,
  changes: {
    count: number;
    title: (n: number) => string;
    summary: (n: number) => string;
    timestamp: (n: number) => Date;
  },
): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.WATCHDECK_E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ link_id: string; user_id: string; site_id: string }>(
      `SELECT w.id AS link_id, w.user_id, w.site_id FROM wiki_links w JOIN users u ON u.id = w.user_id JOIN sites s ON s.id = w.site_id
       WHERE u.email = $1 AND s.name = $2`,
      [email, wikiName],
    );
    if (rows.length !== 1) throw new Error(`expected one link of ${email} to ${wikiName}, found ${rows.length}`);
    const { link_id: linkId, user_id: userId, site_id: siteId } = rows[0]!;
    const n = Array.from({ length: changes.count }, (_, i) => i);
    const { rowCount } = await client.query(
      `WITH added AS (
         INSERT INTO changes (site_id, change_key, kind, source, namespace, title, user_name, user_hidden, anon, comment,
                              comment_hidden, "timestamp", minor, bot, is_new)
         SELECT $1::uuid, 'e2e:' || gen_random_uuid(), 'edit', 'api', 0, t.title, 'Seeder', false, false, t.summary, false, t.ts,
                false, false, false
         FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS t(title, summary, ts)
         RETURNING id, "timestamp"
       )
       INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon)
       SELECT $5::uuid, a.id, $6::uuid, $1::uuid, a."timestamp", 0, 'edit', false, false, false FROM added a`,
      [siteId, n.map(changes.title), n.map(changes.summary), n.map(changes.timestamp), linkId, userId],
    );
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}
