import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/test/integration/sync/syncTestKit";
import { startWorkerProcess, type WorkerProcess, waitFor } from "@/test/integration/sync/workerProcess";
import {
  addEditorBotPassword,
  insertLocalRow,
  linkEditor,
  newUser,
  removeEditorBotPassword,
} from "@/test/integration/watching/watchingFixture";
import { seededRandom, seedFromEnv } from "@/test/support/seededRandom";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import { queueOutbox, webhookAlert } from "./alertTestKit";
import { startWebhookReceiver, type WebhookReceiver } from "./webhookReceiver";

const ROUNDS = Number(process.env.WATCHDECK_ALERT_CRASH_ROUNDS ?? 4);
const CHANGES_PER_ROUND = 6;
const ALERTS = 3;
const seed = seedFromEnv("WATCHDECK_ALERT_CRASH_SEED", "alert crash");
const random = seededRandom(seed);
let databaseUrl: string;
let receiver: WebhookReceiver;
let userId: string;
let linkId: string;
const workers: WorkerProcess[] = [];

function worker(): WorkerProcess {
  const started = startWorkerProcess({
    DATABASE_URL: databaseUrl,
    // A killed worker's delivery is taken again after a second; the rounds find it within half of one.
    WATCHDECK_ALERT_LOCK_SECONDS: "1",
    WATCHDECK_ALERT_TICK_SECONDS: "0.3",
    WATCHDECK_ALERT_RETRY_BASE_SECONDS: "0.2",
    WATCHDECK_ALERT_MAX_BACKOFF_SECONDS: "0.5",
  });
  workers.push(started);
  return started;
}

beforeAll(async () => {
  // The receiver is on loopback, as the worker processes are told too.
  process.env.WATCHDECK_ALLOW_PRIVATE_NETWORKS = "1";
  databaseUrl = await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  receiver = await startWebhookReceiver();
  // Each request is counted as it arrives and answered only after this: a kill lands while it is on its way.
  receiver.holdMs = 300;
  userId = await newUser("alert-crash");
  linkId = await linkEditor(userId, loopbackNetwork());
  // The worker must only deliver: the link is never synced.
  await query(
    `INSERT INTO link_sync_states (link_id, paused) VALUES ($1, true) ON CONFLICT (link_id) DO UPDATE SET paused = true`,
    [linkId],
  );
  for (let n = 0; n < ALERTS; n++) await webhookAlert(userId, receiver, { name: `Crash ${n}` });
}, 60_000);

afterAll(async () => {
  for (const w of workers) await w.kill("SIGKILL");
  await receiver?.close();
  await removeEditorBotPassword().catch(() => undefined);
});

describe(`alert delivery survives kill -9 (seed ${seed})`, () => {
  it(
    "delivers every change of every alert at least once, one idempotency key per delivery",
    async () => {
      const queued: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const running = worker();
        await running.ready;
        const before = receiver.received.length;
        // Changes stored one commit at a time, as syncs do, while the worker matches and sends.
        for (let n = 0; n < CHANGES_PER_ROUND; n++) {
          const changeId = String(await insertLocalRow(linkId, `Crash page ${round}-${n}`, null));
          queued.push(changeId);
          await queueOutbox(linkId, [changeId]);
          await query(`SELECT graphile_worker.add_job('alerts_match', '{}'::json)`);
        }
        // The seeded moment: some time after the round's first request arrived, while answers are held back.
        await waitFor(async () => receiver.received.length > before, "the round's first delivery", 20_000);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 500)));
        await running.kill("SIGKILL");
      }
      // A last worker, left alone, finishes what the killed ones left: outbox rows, taken deliveries.
      const last = worker();
      await last.ready;
      await waitFor(
        async () => {
          const [left] = await query<{ outbox: string; pending: string }>(
            `SELECT (SELECT count(*) FROM alert_outbox) AS outbox,
                    (SELECT count(*) FROM alert_deliveries WHERE status <> 'sent') AS pending`,
          );
          return Number(left!.outbox) === 0 && Number(left!.pending) === 0;
        },
        "every delivery sent",
        60_000,
      );
      const made = await query<{ alert_id: string; idempotency_key: string; change_ids: string[] }>(
        `SELECT alert_id, idempotency_key, change_ids FROM alert_deliveries`,
      );
      // Each alert holds each change exactly once: in its matches, and across its deliveries.
      for (const alert of new Set(made.map((d) => d.alert_id))) {
        const carried = made.filter((d) => d.alert_id === alert).flatMap((d) => d.change_ids.map(String));
        expect(carried.sort()).toEqual([...queued].sort());
      }
      expect(new Set(made.map((d) => d.alert_id)).size).toBe(ALERTS);
      // The receiver got every delivery, and repeats (a kill between its answer and the record) only under the
      // same key.
      expect(receiver.distinctKeys()).toEqual(new Set(made.map((d) => d.idempotency_key)));
      expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
      const receivedChanges = new Map<string, Set<string>>();
      for (const r of receiver.received) {
        const seen = receivedChanges.get(r.body.alert!.id) ?? new Set<string>();
        for (const c of r.body.changes ?? []) seen.add(c.id);
        receivedChanges.set(r.body.alert!.id, seen);
      }
      for (const seen of receivedChanges.values()) expect([...seen].sort()).toEqual([...queued].sort());
    },
    ROUNDS * 30_000 + 90_000,
  );
});
