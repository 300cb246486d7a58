import type pg from "pg";
import type { Change } from "@/lib/changes/change";
import { toChangeColumns } from "./changeRows";
import {
  changeArrays, FIND_CHANGE_IDS, IMPROVE_CHANGES, INSERT_LINK_CHANGES, INSERT_NEW_CHANGES, REFRESH_LINK_COPIES, UPDATE_LINK_STATE,
} from "./changeSql";

export interface WrittenChanges {
  /** Distinct changes in the batch. */
  received: number;
  /** Changes this link had not seen before. */
  newForLink: number;
  /** Change rows inserted or improved (a feed row replaced by the API's). */
  changedRows: number;
}

/**
 * Stores what one poll of one link saw: each change once per wiki, and the
 * link's row for it. Set-based and idempotent: run twice, it writes nothing
 * the second time. Call inside the poll's transaction.
 */
export async function writeLinkChanges(
  client: pg.ClientBase,
  target: { linkId: string; userId: string; siteId: string },
  changes: readonly Change[],
): Promise<WrittenChanges> {
  if (changes.length === 0) return { received: 0, newForLink: 0, changedRows: 0 };
  const c = toChangeColumns(changes);

  const inserted = await client.query<{ id: string; change_key: string }>(INSERT_NEW_CHANGES, [target.siteId, ...changeArrays(c)]);
  const idByKey = new Map(inserted.rows.map((r) => [r.change_key, r.id]));
  let improved = 0;
  const known = c.keys.filter((key) => !idByKey.has(key));
  if (known.length > 0) {
    const isKnown = new Set(known);
    // Separate statements from the insert: they see rows another link's sync committed meanwhile.
    const better = await client.query<{ id: string }>(IMPROVE_CHANGES, [target.siteId, ...changeArrays(c, (i) => isKnown.has(c.keys[i]!))]);
    improved = better.rowCount ?? 0;
    if (improved > 0) await client.query(REFRESH_LINK_COPIES, [better.rows.map((r) => r.id)]);
    const found = await client.query<{ id: string; change_key: string }>(FIND_CHANGE_IDS, [target.siteId, known]);
    for (const row of found.rows) idByKey.set(row.change_key, row.id);
  }

  const ids: string[] = [];
  const notif: (string | null)[] = [];
  const expiry: (string | null)[] = [];
  c.keys.forEach((key, i) => {
    const id = idByKey.get(key);
    // Absent only if retention deleted the change this very moment: nothing left to link.
    if (id === undefined) return;
    ids.push(id);
    notif.push(c.notificationTimestamp[i] ?? null);
    expiry.push(c.watchExpiry[i] ?? null);
  });
  const linked = await client.query<{ change_id: string }>(INSERT_LINK_CHANGES, [target.linkId, target.userId, ids, notif, expiry]);
  if ((linked.rowCount ?? 0) < ids.length) {
    const isNew = new Set(linked.rows.map((r) => r.change_id));
    const keep = ids.map((id) => !isNew.has(id));
    await client.query(UPDATE_LINK_STATE, [target.linkId, ids.filter((_, i) => keep[i]), notif.filter((_, i) => keep[i]), expiry.filter((_, i) => keep[i])]);
  }
  return { received: c.keys.length, newForLink: linked.rowCount ?? 0, changedRows: (inserted.rowCount ?? 0) + improved };
}
