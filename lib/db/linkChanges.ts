import type pg from "pg";
import { pgPool } from "./postgres";

// Statements on link_changes outside a poll's store (lib/sync/store/changeSql.ts writes them with the changes).

/** Deletes every row a link holds (what its watchlist showed, and its unread state), in the caller's transaction. */
export async function deleteLinkChanges(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(`DELETE FROM link_changes WHERE link_id = $1::uuid`, [linkId]);
}

/** How many changes the link holds: what removing it deletes from Watchdeck. */
export async function countLinkChanges(linkId: string): Promise<number> {
  const { rows } = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM link_changes WHERE link_id = $1::uuid`, [linkId]);
  return rows[0]?.n ?? 0;
}
