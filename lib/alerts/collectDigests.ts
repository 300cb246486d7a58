import type pg from "pg";
import { enqueueAlertSending } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { alertRhythmSchema, nextDigestDue } from "./alertRhythm";
import { createDelivery } from "./matchOutbox";

interface DueDigest {
  id: string;
  rhythm: unknown;
  digest_due_at: Date;
  time_zone: string | null;
}

/**
 * Turns each due digest into a delivery of the changes its alert matched since the last one, and sets its next
 * run. A change's match points at the one digest that carried it, so no change is sent in two digests; the key
 * (`<alert>:digest:<due time>`) stays the same if the run is repeated. Returns the digests made.
 */
export async function collectDueDigests(now: Date = new Date()): Promise<number> {
  let made = 0;
  for (;;) {
    const outcome = await inTransaction((client) => collectOne(client, now));
    if (outcome === "none") return made;
    if (outcome === "delivery") made++;
  }
}

async function collectOne(client: pg.PoolClient, now: Date): Promise<"none" | "delivery" | "empty"> {
  const { rows } = await client.query<DueDigest>(
    `SELECT a.id, a.rhythm, a.digest_due_at, u.time_zone FROM alerts a JOIN users u ON u.id = a.user_id
     WHERE a.paused_at IS NULL AND a.digest_due_at <= $1
     ORDER BY a.digest_due_at LIMIT 1 FOR UPDATE OF a SKIP LOCKED`,
    [now],
  );
  const alert = rows[0];
  if (!alert) return "none";
  const rhythm = alertRhythmSchema.safeParse(alert.rhythm);
  const next = rhythm.success ? nextDigestDue(rhythm.data, usableTimeZone(alert.time_zone), now) : null;
  await client.query(`UPDATE alerts SET digest_due_at = $2 WHERE id = $1::uuid`, [alert.id, next]);
  const pending = await client.query<{ change_id: string }>(
    `SELECT change_id FROM alert_matches WHERE alert_id = $1::uuid AND delivery_id IS NULL AND NOT first_sync`,
    [alert.id],
  );
  // An empty digest is not sent: nothing changed, nothing to say.
  if (pending.rows.length === 0) return "empty";
  const changeIds = pending.rows.map((r) => r.change_id);
  await createDelivery(
    client,
    alert.id,
    "digest",
    `${alert.id}:digest:${alert.digest_due_at.toISOString()}`,
    changeIds,
  );
  await enqueueAlertSending(client);
  return "delivery";
}
