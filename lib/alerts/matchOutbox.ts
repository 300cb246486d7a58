import { createHash } from "node:crypto";
import type pg from "pg";
import { enqueueAlertSending } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterConditions } from "@/lib/timeline/filterSql";
import { scopeSql } from "@/lib/timeline/scopeSql";
import { safeParseTimelineFilters, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { alertRhythmSchema } from "./alertRhythm";

// Outbox rows matched in one transaction: a first sync writes one row per commit, a busy install many per second.
const OUTBOX_ROWS_PER_BATCH = 200;
// A burst (a busy wiki after an outage) is split into requests a receiver takes in one piece.
const CHANGES_PER_IMMEDIATE_DELIVERY = 100;

interface OutboxRow {
  id: string;
  link_id: string;
}

export interface CandidateAlert {
  id: string;
  user_id: string;
  team_id: string | null;
  filter_query: string;
  rhythm: unknown;
  first_sync_summary: boolean;
  time_zone: string | null;
}

interface MatchedRow {
  change_id: string;
  first_sync: boolean;
  link_id: string;
}

/**
 * Matches the outbox against the alerts until it is empty; returns how many outbox rows it matched. Each batch is
 * one transaction: the matches and deliveries it makes and the deletion of its outbox rows commit together, so
 * a worker killed in between leaves the rows to match again, and none is matched twice. Workers running at once
 * take different rows (SKIP LOCKED).
 */
export async function matchAlertOutbox(): Promise<number> {
  let matched = 0;
  for (;;) {
    const rows = await inTransaction(matchOutboxBatch);
    if (rows === 0) return matched;
    matched += rows;
  }
}

async function matchOutboxBatch(client: pg.PoolClient): Promise<number> {
  const outbox = await client.query<OutboxRow>(
    `SELECT id, link_id FROM alert_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [OUTBOX_ROWS_PER_BATCH],
  );
  if (outbox.rows.length === 0) return 0;
  const outboxIds = outbox.rows.map((r) => r.id);
  const linkIds = [...new Set(outbox.rows.map((r) => r.link_id))];
  // Only alerts whose timeline can hold these links' rows: their owner's, or a team's the links are shared with.
  const alerts = await client.query<CandidateAlert>(
    `SELECT a.id, a.user_id, a.team_id, a.filter_query, a.rhythm, a.first_sync_summary, u.time_zone
     FROM alerts a JOIN users u ON u.id = a.user_id
     WHERE a.paused_at IS NULL AND (
       (a.team_id IS NULL AND a.user_id IN (SELECT w.user_id FROM wiki_links w WHERE w.id = ANY($1::uuid[])))
       OR a.team_id IN (SELECT ts.team_id FROM team_shared_links ts WHERE ts.link_id = ANY($1::uuid[])))`,
    [linkIds],
  );
  let deliveries = 0;
  for (const alert of alerts.rows) deliveries += await matchAlert(client, alert, outboxIds);
  await client.query(`DELETE FROM alert_outbox WHERE id = ANY($1::bigint[])`, [outboxIds]);
  // Queued in this transaction: the sender wakes as the deliveries commit.
  if (deliveries > 0) await enqueueAlertSending(client);
  return outbox.rows.length;
}

/** The alert's scope and filters as the timeline has them; null when the stored filter no longer parses. */
function alertQuery(alert: CandidateAlert): { scope: TimelineScope; filters: TimelineFilters } | null {
  const parsed = safeParseTimelineFilters(new URLSearchParams(alert.filter_query));
  if (!parsed.ok) return null;
  // One change is one alert line: "latest only" and "group by page" shape a timeline page, not a match.
  const filters = { ...parsed.value, latestOnly: false, groupByPage: false };
  const scope: TimelineScope =
    alert.team_id === null
      ? { kind: "user", userId: alert.user_id }
      : { kind: "team", teamId: alert.team_id, memberUserId: alert.user_id };
  return { scope, filters };
}

/**
 * Records the alert's matches among the outbox rows' changes, each change once per alert (the key of
 * alert_matches), with the same SQL as the timeline's filters and scope, so an alert holds what its timeline
 * shows. At-once alerts get their delivery now; digests collect. Returns the deliveries made.
 */
async function matchAlert(client: pg.PoolClient, alert: CandidateAlert, outboxIds: string[]): Promise<number> {
  const sql = matchAlertSql(alert, outboxIds);
  if (sql === null) return 0;
  // Joined here, not in SQL: the planner guesses one row for each CTE and joined them in a nested loop, a first
  // sync's 5,000 changes × 5,000 per alert and batch (issue #29).
  const result = await client.query<MatchedRow & { inserted: boolean }>(sql.text, sql.values);
  const inserted = new Set(result.rows.filter((r) => r.inserted).map((r) => r.change_id));
  const matched = result.rows.filter((r) => !r.inserted && inserted.has(r.change_id));
  if (matched.length === 0) return 0;

  let deliveries = 0;
  const rhythm = alertRhythmSchema.safeParse(alert.rhythm);
  const fresh = matched.filter((r) => !r.first_sync).map((r) => r.change_id);
  if (rhythm.success && rhythm.data.kind === "immediate") {
    for (let start = 0; start < fresh.length; start += CHANGES_PER_IMMEDIATE_DELIVERY) {
      const part = fresh.slice(start, start + CHANGES_PER_IMMEDIATE_DELIVERY);
      await createDelivery(client, alert.id, "immediate", changeSetKey(alert.id, part), part);
      deliveries++;
    }
  }
  // A link's first sync (or a backfill) brings old changes by the thousand: one summary per link, or nothing.
  if (alert.first_sync_summary) {
    const byLink = new Map<string, string[]>();
    for (const row of matched) {
      if (!row.first_sync) continue;
      const ids = byLink.get(row.link_id);
      if (ids) ids.push(row.change_id);
      else byLink.set(row.link_id, [row.change_id]);
    }
    for (const [linkId, changeIds] of byLink) {
      await createDelivery(client, alert.id, "first-sync-summary", `${alert.id}:first-sync:${linkId}`, changeIds);
      deliveries++;
    }
  }
  return deliveries;
}

/**
 * The statement that records the alert's matches among the outbox rows' changes: the candidates (change, whether
 * every outbox row of it was a first sync's, one of its links) and, as rows with `inserted` true, those it
 * recorded now. Null when the alert's stored filter no longer parses.
 */
export function matchAlertSql(alert: CandidateAlert, outboxIds: readonly string[]): Prisma.Sql | null {
  const query = alertQuery(alert);
  if (query === null) return null;
  const conditions = [
    scopeSql(query.scope, "lc"),
    ...filterConditions(query.filters, {
      lc: "lc",
      c: "c",
      viewerUserId: alert.user_id,
      timeZone: usableTimeZone(alert.time_zone),
    }),
  ];
  // The batch's rows are fetched first, by link_changes' key, behind a fence (MATERIALIZED): left to join them
  // with the conditions, the planner walked the scope's index (user_id, and a filter's columns) through every row
  // the owner ever stored, for each alert and batch, so matching slowed as history grew (issue #29).
  return Prisma.sql`
    WITH lc AS MATERIALIZED (
      SELECT stored.*, o.first_sync AS outbox_first_sync
      FROM (SELECT x.link_id, unnest(x.change_ids) AS change_id, x.first_sync FROM alert_outbox x
            WHERE x.id = ANY(${outboxIds}::bigint[])) o
      JOIN link_changes stored ON stored.link_id = o.link_id AND stored.change_id = o.change_id),
    candidate AS (
      SELECT lc.change_id, bool_and(lc.outbox_first_sync) AS first_sync, min(lc.link_id::text) AS link_id
      FROM lc JOIN changes c ON c.id = lc.change_id
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY lc.change_id),
    inserted AS (
      INSERT INTO alert_matches (alert_id, change_id, first_sync)
      SELECT ${alert.id}::uuid, change_id, first_sync FROM candidate
      ON CONFLICT (alert_id, change_id) DO NOTHING
      RETURNING change_id)
    SELECT change_id, first_sync, link_id, false AS inserted FROM candidate
    UNION ALL SELECT change_id, NULL, NULL, true FROM inserted`;
}

/**
 * The same changes give the same key, whatever their order. Every key starts with the alert's id: two alerts
 * posting the same changes to one receiver must not look like repeats of each other.
 */
export function changeSetKey(alertId: string, changeIds: readonly string[]): string {
  const sorted = [...changeIds].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  return `${alertId}:changes:${createHash("sha256").update(sorted.join(",")).digest("hex").slice(0, 32)}`;
}

/**
 * A delivery of the changes, which it then carries (their matches point at it). A first-sync summary that is
 * still waiting takes the changes of the same sync's later commits.
 */
export async function createDelivery(
  client: pg.ClientBase,
  alertId: string,
  kind: "immediate" | "digest" | "first-sync-summary",
  idempotencyKey: string,
  changeIds: readonly string[],
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO alert_deliveries (id, alert_id, kind, idempotency_key, change_ids)
     VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4::bigint[])
     ON CONFLICT (alert_id, idempotency_key) DO UPDATE
       SET change_ids = CASE WHEN alert_deliveries.status = 'pending' AND alert_deliveries.attempts = 0
                             THEN ARRAY(SELECT DISTINCT unnest(alert_deliveries.change_ids || EXCLUDED.change_ids))
                             ELSE alert_deliveries.change_ids END
     RETURNING id`,
    [alertId, kind, idempotencyKey, changeIds],
  );
  const deliveryId = rows[0]!.id;
  // A join on the ids, not = ANY: checked row by row, a first sync's 100,000 ids made it quadratic.
  await client.query(
    `UPDATE alert_matches m SET delivery_id = $3::uuid FROM unnest($2::bigint[]) AS t(change_id)
     WHERE m.alert_id = $1::uuid AND m.change_id = t.change_id`,
    [alertId, changeIds, deliveryId],
  );
  return deliveryId;
}
