import type pg from "pg";

/**
 * Deletes every row a link holds (what its watchlist showed, and its unread state), in the caller's transaction.
 * Locking the link's row first waits for a poll committing under it (the poll holds FOR KEY SHARE), so no row of
 * that poll is left behind.
 */
export async function dropLinkRows(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(`SELECT 1 FROM wiki_links WHERE id = $1::uuid FOR UPDATE`, [linkId]);
  await client.query(`DELETE FROM link_changes WHERE link_id = $1::uuid`, [linkId]);
}
