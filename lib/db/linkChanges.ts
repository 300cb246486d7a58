import type pg from "pg";
import { pgPool } from "./postgres";

// Statements on link_changes outside a poll's store (lib/sync/store/changeSql.ts writes them with the changes).

/** Deletes every row a link holds (what its watchlist showed, and its unread state), in the caller's transaction. */
export async function deleteLinkChanges(client: pg.ClientBase, linkId: string): Promise<void> {
  await client.query(`DELETE FROM link_changes WHERE link_id = $1::uuid`, [linkId]);
}

/** Deletes the link's rows of pages it no longer watches (not among `watched`): the wiki's watchlist no longer shows them. */
export async function deleteRowsOfUnwatchedPages(
  client: pg.ClientBase,
  linkId: string,
  watched: readonly string[],
): Promise<number> {
  const { rowCount } = await client.query(
    `DELETE FROM link_changes lc USING changes c
     WHERE lc.link_id = $1::uuid AND c.id = lc.change_id AND NOT (c.title = ANY($2::text[]))`,
    [linkId, [...watched]],
  );
  return rowCount ?? 0;
}

/** How many changes the link holds: what removing it deletes from Watchdeck. */
export async function countLinkChanges(linkId: string): Promise<number> {
  const { rows } = await pgPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM link_changes WHERE link_id = $1::uuid`,
    [linkId],
  );
  return rows[0]?.n ?? 0;
}
