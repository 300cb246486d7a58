import type pg from "pg";

// Statements on link_changes outside a poll's store (lib/sync/store/changeSql.ts writes them with the changes).

/** Deletes every row a link holds (what its watchlist showed, and its unread state), in the caller's transaction. */
export async function deleteLinkChanges(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(`DELETE FROM link_changes WHERE link_id = $1::uuid`, [linkId]);
}
