import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/test/support/testPostgres";

const MIGRATION = "20261208010000_link_colours_apart";

it("re-colours only the links a user has several of on the old default, apart and in the order they were linked", async () => {
  const url = await createEmptyDatabase(inject("pgServerUrl"), "it_link_colours_apart");
  const before = await mkdtemp(path.join(os.tmpdir(), "watchdeck-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, before, { recursive: true });
  await rm(path.join(before, MIGRATION), { recursive: true });
  await applyMigrations(url, before);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, email, password_hash, updated_at) VALUES
         ('00000000-0000-4000-8000-000000000001', 'crowded@example.org', 'x', now()),
         ('00000000-0000-4000-8000-000000000002', 'single@example.org', 'x', now())`,
    );
    await client.query(
      `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
       SELECT ('00000000-0000-4000-9000-00000000000' || s)::uuid, 'https://w' || s || '.example.org/w/api.php', 'W' || s,
              'https://w' || s || '.example.org', '/wiki/$1', '/w', 'en', '{}', now()
       FROM generate_series(1, 4) s`,
    );
    // The crowded user: three links on the default (linked in order 1, 2, 3) and one picked the palette's blue.
    const links: [string, string, number, string][] = [
      ["a1", "1", 1, "#3366cc"],
      ["a2", "1", 2, "#3366CC"],
      ["a3", "1", 3, "#3366cc"],
      ["a4", "1", 4, "#0072b2"],
      ["b1", "2", 1, "#3366cc"],
    ];
    for (const [name, user, site, color] of links)
      await client.query(
        `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username,
                                 secret_sealed, can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, created_at, updated_at)
         VALUES (gen_random_uuid(), ('00000000-0000-4000-8000-00000000000' || $1)::uuid, ('00000000-0000-4000-9000-00000000000' || $2)::uuid,
                 $3, $4, 'bot_password', 'api', 'x', 'x', 'x', true, false, true, true, now(), now() + $5::int * interval '1 minute', now())`,
        [user, String(site), name, color, site],
      );

    expect(await applyMigrations(url)).toEqual([MIGRATION]);
    const { rows } = await client.query<{ display_name: string; color: string }>(
      "SELECT display_name, color FROM wiki_links ORDER BY display_name",
    );
    expect(Object.fromEntries(rows.map((r) => [r.display_name, r.color]))).toEqual({
      a1: "#e69f00",
      a2: "#009e73",
      a3: "#cc79a7",
      a4: "#0072b2",
      b1: "#3366cc",
    });
  } finally {
    await client.end();
  }
});
