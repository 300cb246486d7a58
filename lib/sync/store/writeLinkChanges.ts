import type pg from "pg";
import type { Change } from "@/lib/changes/change";
import { enqueueAlertMatching } from "@/lib/db/jobQueue";
import { lockLinkForPoll } from "@/lib/links/linkRepository";
import { type ChangeColumns, changeArrays, distinctChanges, linkStateArrays, toChangeColumns } from "./changeRows";
import {
  FIND_STORED_CHANGES,
  IMPROVE_CHANGES,
  INSERT_ALERT_OUTBOX,
  INSERT_LINK_CHANGES,
  REFRESH_LINK_COPIES,
  UPDATE_LINK_STATE,
} from "./changeSql";
import { insertNewChanges } from "./insertNewChanges";
import { type StoredSummary, summaryHtmlForPoll } from "./summaryHtmlForPoll";

export interface WrittenChanges {
  /** Distinct changes in the batch. */
  received: number;
  /** Changes this link had not seen before. */
  newForLink: number;
  /** Change rows inserted or improved (a feed row replaced by the API's). */
  changedRows: number;
}

export interface WriteTarget {
  linkId: string;
  userId: string;
  siteId: string;
  /** The wiki account whose watchlist the poll read: if the link was moved to another since, the poll must not write. */
  wikiUsername: string;
  /** The wiki's origin: summary links are made absolute on it. */
  server: string;
}

interface StoredRow {
  id: string;
  change_key: string;
  comment: string | null;
  parsed_comment: string | null;
  comment_hidden: boolean;
  summary_html: string | null;
}

/**
 * Stores what one poll of one link saw: each change once per wiki, and the
 * link's row for it. Set-based and idempotent: run twice, it writes nothing
 * the second time. What is already stored is read first, so a change seen
 * again is neither inserted nor its summary sanitised again. Call inside the
 * poll's transaction.
 */
export async function writeLinkChanges(
  client: pg.ClientBase,
  target: WriteTarget,
  changes: readonly Change[],
): Promise<WrittenChanges> {
  if (changes.length === 0) return { received: 0, newForLink: 0, changedRows: 0 };
  if (!(await lockLinkForPoll(client, target))) throw new LinkRemovedError(target.linkId);
  const byKey = distinctChanges(changes);
  const stored = await client.query<StoredRow>(FIND_STORED_CHANGES, [target.siteId, [...byKey.keys()]]);
  const summaries = new Map<string, StoredSummary>(
    stored.rows.map((r) => [
      r.change_key,
      {
        comment: r.comment,
        parsedComment: r.parsed_comment,
        commentHidden: r.comment_hidden,
        summaryHtml: r.summary_html,
      },
    ]),
  );
  const summaryHtmlOf = summaryHtmlForPoll(target.server, summaries);
  const idByKey = new Map(stored.rows.map((r) => [r.change_key, r.id]));

  const fresh = [...byKey].filter(([key]) => !idByKey.has(key));
  const inserted =
    fresh.length > 0 ? await insertNewChanges(client, target, fresh, summaryHtmlOf) : new Map<string, string>();
  const newForLink = [...inserted.values()];
  const timestampOf = new Map<string, Date>();
  for (const [key, id] of inserted) timestampOf.set(id, (byKey.get(key) as Change).timestamp);
  let improved = 0;
  const known = [...byKey].filter(([key]) => !inserted.has(key));
  if (known.length > 0) {
    // Keys the insert skipped that were not stored when the poll looked: another link's sync inserted them
    // meanwhile. A statement of its own sees that commit.
    const unseen = known.map(([key]) => key).filter((key) => !idByKey.has(key));
    if (unseen.length > 0) {
      const found = await client.query<StoredRow>(FIND_STORED_CHANGES, [target.siteId, unseen]);
      for (const row of found.rows) idByKey.set(row.change_key, row.id);
    }
    for (const [key, change] of known) {
      const id = idByKey.get(key);
      if (id !== undefined) timestampOf.set(id, change.timestamp);
    }
    const c = toChangeColumns(known, summaryHtmlOf);
    const rows = knownLinkRows(c, idByKey);
    const better = await client.query<{ id: string }>(IMPROVE_CHANGES, [rows.ids, ...changeArrays(c)]);
    improved = better.rowCount ?? 0;
    if (improved > 0) await client.query(REFRESH_LINK_COPIES, [better.rows.map((r) => r.id)]);
    newForLink.push(...(await linkKnownChanges(client, target, rows)));
  }
  if (newForLink.length > 0) {
    const queued = await client.query(INSERT_ALERT_OUTBOX, [
      target.linkId,
      newForLink,
      newForLink.map((id) => timestampOf.get(id) ?? null),
    ]);
    // Queued in this transaction, the job wakes the worker as the changes commit (graphile-worker's NOTIFY).
    if ((queued.rowCount ?? 0) > 0) await enqueueAlertMatching(client);
  }
  return {
    received: byKey.size,
    newForLink: newForLink.length,
    changedRows: inserted.size + improved,
  };
}

/** The link was deleted (or moved to another user, wiki or wiki account) while its poll ran: nothing of the poll is stored. */
export class LinkRemovedError extends Error {
  override name = "LinkRemovedError";
  constructor(linkId: string) {
    super(
      `The link ${linkId} was removed or moved to another wiki account while it synced; its changes were not stored.`,
    );
  }
}

/** The link's state of each known change, by the change's id. */
interface KnownLinkRows {
  ids: string[];
  notificationTimestamp: (Date | null)[];
  watchExpiry: (Date | null)[];
}

function knownLinkRows(c: ChangeColumns, idByKey: ReadonlyMap<string, string>): KnownLinkRows {
  const rows: KnownLinkRows = { ids: [], notificationTimestamp: [], watchExpiry: [] };
  c.keys.forEach((key, i) => {
    const id = idByKey.get(key);
    // Absent only if retention deleted the change this very moment: nothing left to improve or link.
    if (id === undefined) return;
    rows.ids.push(id);
    rows.notificationTimestamp.push(c.notificationTimestamp[i] ?? null);
    rows.watchExpiry.push(c.watchExpiry[i] ?? null);
  });
  return rows;
}

/**
 * This link's rows for changes that were stored already: new ones inserted, the others' state brought up to date.
 * Returns the ids of the changes newly linked.
 */
async function linkKnownChanges(client: pg.ClientBase, target: WriteTarget, rows: KnownLinkRows): Promise<string[]> {
  const { ids, notificationTimestamp: notif, watchExpiry: expiry } = rows;
  if (ids.length === 0) return [];
  const linked = await client.query<{ change_id: string }>(INSERT_LINK_CHANGES, [
    target.linkId,
    target.userId,
    ids,
    ...linkStateArrays(rows),
  ]);
  if ((linked.rowCount ?? 0) < ids.length) {
    const isNew = new Set(linked.rows.map((r) => r.change_id));
    const keep = ids.map((id) => !isNew.has(id));
    const kept = linkStateArrays({
      notificationTimestamp: notif.filter((_, i) => keep[i]),
      watchExpiry: expiry.filter((_, i) => keep[i]),
    });
    await client.query(UPDATE_LINK_STATE, [target.linkId, ids.filter((_, i) => keep[i]), ...kept]);
  }
  return linked.rows.map((r) => r.change_id);
}
