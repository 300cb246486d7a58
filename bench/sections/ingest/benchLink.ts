import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db/postgres";
import { sealLinkSecret } from "@/lib/links/linkSecrets";
import type { WriteTarget } from "@/lib/sync/store/writeLinkChanges";

/** A user, a site and a watchlist-token link to `apiUrl` with its sync state, written straight into the bench database. */
export async function createBenchLink(apiUrl: string, label: string): Promise<WriteTarget> {
  const server = "http://127.0.0.1";
  const userId = randomUUID();
  const siteId = randomUUID();
  const linkId = randomUUID();
  const db = pgPool();
  await db.query(`INSERT INTO users (id, email, password_hash, updated_at) VALUES ($1, $2, 'x', now())`, [
    userId,
    `${label}@bench.invalid`,
  ]);
  await db.query(
    `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
     VALUES ($1, $2, 'Bench Wiki', $3, '/index.php/$1', '', 'en', '{}', now())`,
    [siteId, apiUrl, server],
  );
  await db.query(
    `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username,
                             secret_sealed, can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, updated_at)
     VALUES ($1, $2, $3, 'Bench', '#3366cc', 'watchlist_token', 'api', 'Alice', 'Alice', $4, true, true, false, false, now(), now())`,
    [linkId, userId, siteId, sealLinkSecret(linkId, "0123456789abcdef0123456789abcdef01234567")],
  );
  await db.query(`INSERT INTO link_sync_states (link_id, updated_at) VALUES ($1, now())`, [linkId]);
  return { userId, siteId, linkId, server, wikiUsername: "Alice" };
}
