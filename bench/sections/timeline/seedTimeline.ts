import pg from "pg";

export interface SeedShape {
  changes: number;
  wikis: number;
  users: number;
  /** Wikis each user links. */
  wikisPerUser: number;
  /** Pages per wiki (changes spread over them). */
  pagesPerWiki: number;
  /** A link watches 1 in `watchOneIn` pages of its wiki. */
  watchOneIn: number;
}

export const DEFAULT_SHAPE: SeedShape = {
  changes: 1_000_000,
  wikis: 20,
  users: 50,
  wikisPerUser: 6,
  pagesPerWiki: 20_000,
  watchOneIn: 8,
};

const NAMESPACES = {
  namespaces: Object.fromEntries(
    [
      [0, "", null],
      [1, "Talk", "Talk"],
      [2, "User", "User"],
      [3, "User talk", "User talk"],
      [4, "Project", "Project"],
      [6, "File", "File"],
      [10, "Template", "Template"],
      [14, "Category", "Category"],
    ].map(([id, name, canonical]) => [String(id), { id, name, canonical, content: id === 0 }]),
  ),
  aliases: [],
};

/**
 * A synthetic installation in bulk SQL (generate_series): wikis, users, links,
 * `changes` rows spread over time, pages, namespaces, kinds, flags, authors and
 * tags, and each link's link_changes for the pages it watches.
 */
export async function seedTimeline(databaseUrl: string, shape: SeedShape, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query(
      `INSERT INTO users (id, email, password_hash, updated_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(u), 12, '0'))::uuid, 'bench' || u || '@bench.invalid', 'x', now()
       FROM generate_series(1, $1::int) u`,
      [shape.users],
    );
    await client.query(
      `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
       SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(s), 12, '0'))::uuid, 'https://wiki' || s || '.bench.invalid/w/api.php',
              'Bench Wiki ' || s, 'https://wiki' || s || '.bench.invalid', '/wiki/$1', '/w', 'en', $2::jsonb, now()
       FROM generate_series(1, $1::int) s`,
      [shape.wikis, JSON.stringify(NAMESPACES)],
    );
    // User u links wikis (u*7 + k) mod W for k < wikisPerUser; link number n = (u-1)*wikisPerUser + k.
    await client.query(
      `CREATE TABLE bench_links AS
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid AS id, n,
              ('00000000-0000-4000-8000-' || lpad(to_hex(u), 12, '0'))::uuid AS user_id,
              ('00000000-0000-4000-9000-' || lpad(to_hex(s), 12, '0'))::uuid AS site_id, s, u
       FROM generate_series(1, $1::int) u, generate_series(0, $2::int - 1) k,
            LATERAL (SELECT ((u * 7 + k) % $3::int) + 1 AS s, (u - 1) * $2::int + k + 1 AS n) x`,
      [shape.users, shape.wikisPerUser, shape.wikis],
    );
    await client.query(
      `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username,
                               secret_sealed, can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, updated_at)
       SELECT id, user_id, site_id, 'Bench Wiki ' || s, '#3366cc', 'bot_password', 'api', 'BenchUser' || u || '@bench',
              'BenchUser' || u, 'x', true, false, true, true, now(), now()
       FROM bench_links`,
    );
    log(`timeline seed: ${shape.changes.toLocaleString("en")} changes`);
    // Change g: wiki g mod W, page a spread hash of g, 2.5 s apart going back from now; authors from a pool of 2,000
    // with the bench users' own accounts among them.
    await client.query(
      `INSERT INTO changes (site_id, change_key, kind, source, namespace, title, page_id, rev_id, old_rev_id, log_id, log_type,
                            log_action, user_name, wiki_user_id, user_hidden, anon, comment, parsed_comment, comment_hidden,
                            summary_html, "timestamp", old_length, new_length, minor, bot, is_new, tags)
       SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(site), 12, '0'))::uuid, 'rev:' || g, kind::change_kind, 'api', ns,
              CASE ns WHEN 0 THEN '' WHEN 1 THEN 'Talk:' WHEN 2 THEN 'User:' WHEN 3 THEN 'User talk:' WHEN 4 THEN 'Project:'
                      WHEN 10 THEN 'Template:' ELSE 'Category:' END || 'Page ' || page,
              page, g, CASE WHEN kind = 'edit' THEN g - 1 END, CASE WHEN kind = 'log' THEN g END,
              CASE WHEN kind = 'log' THEN 'move' END, CASE WHEN kind = 'log' THEN 'move' END,
              CASE WHEN anon THEN '192.0.2.' || (g % 250) WHEN author <= $2::int THEN 'BenchUser' || author ELSE 'Editor ' || author END,
              CASE WHEN anon THEN 0 ELSE author END, false, anon,
              'Summary ' || g || CASE WHEN g % 97 = 0 THEN ' fixing a typo' ELSE '' END,
              'Summary ' || g || CASE WHEN g % 97 = 0 THEN ' fixing a typo' ELSE '' END, false,
              'Summary ' || g || CASE WHEN g % 97 = 0 THEN ' fixing a typo' ELSE '' END, -- plain text sanitises to itself
              now() - (($1::bigint - g) * (interval '30 days' / $1::bigint)),
              1000 + g % 5000, 1000 + (g * 31) % 5000, (r / 40000) % 5 = 0, bot, kind = 'new',
              CASE WHEN g % 23 = 0 THEN ARRAY['mw-replace'] WHEN g % 7 = 0 THEN ARRAY['visualeditor'] ELSE ARRAY[]::text[] END
       FROM generate_series(1, $1::bigint) g,
            LATERAL (SELECT (g % $3::int) + 1 AS site, (hashint8(g) & 2147483647) % $4::int + 1 AS page,
                            hashint8(g * 3 + 1) & 2147483647 AS r) p,
            LATERAL (SELECT CASE WHEN page % 20 < 12 THEN 0 WHEN page % 20 < 15 THEN 1 WHEN page % 20 = 15 THEN 2
                                 WHEN page % 20 = 16 THEN 3 WHEN page % 20 = 17 THEN 4 WHEN page % 20 = 18 THEN 10 ELSE 14 END AS ns,
                            CASE WHEN r % 100 < 80 THEN 'edit' WHEN r % 100 < 90 THEN 'new' WHEN r % 100 < 97 THEN 'log' ELSE 'categorize' END AS kind,
                            (r / 100) % 20 = 3 AS anon, (r / 2000) % 10 = 1 AS bot,
                            (floor(2000 * power(((hashint8(g * 7) & 2147483647) % 10000 + 1) / 10000.0, 3)))::int + 1 AS author) f`,
      [shape.changes, shape.users, shape.wikis, shape.pagesPerWiki],
    );
    log("timeline seed: link_changes");
    await client.query(
      `INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon,
                                 notification_timestamp)
       SELECT l.id, c.id, l.user_id, c.site_id, c."timestamp", c.namespace, c.kind, c.minor, c.bot, c.anon,
              CASE WHEN (c.page_id + l.n) % 30 = 0 AND c."timestamp" > now() - interval '3 days' THEN c."timestamp" - interval '1 hour' END
       FROM changes c JOIN bench_links l ON l.site_id = c.site_id
       WHERE (hashint8(c.page_id * 1000 + l.n) & 2147483647) % $1::int = 0`,
      [shape.watchOneIn],
    );
    await client.query("DROP TABLE bench_links");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

/** How many changes and link rows the seeded database holds. */
export async function countSeededRows(databaseUrl: string): Promise<{ changes: number; linkChanges: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ changes: number; link_changes: number }>(
      "SELECT (SELECT count(*) FROM changes)::int AS changes, (SELECT count(*) FROM link_changes)::int AS link_changes",
    );
    return { changes: rows[0]!.changes, linkChanges: rows[0]!.link_changes };
  } finally {
    await client.end();
  }
}
