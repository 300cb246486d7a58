import pg from "pg";
import { hashPassword } from "@/lib/accounts/passwordHash";

export const LOAD_PASSWORD = "load-run password";

export const loadUserEmail = (u: number) => `bench${u}@bench.invalid`;

/**
 * Makes the seeded bench users (seedTimeline) usable by a running app: a real
 * password hash so they can sign in, and each link marked as just synced with
 * its next poll a day away. The bench wikis do not exist, so a due poll would
 * only fail and put a sync problem on every timeline; this keeps the worker
 * as it is between polls. Ends with a checkpoint, so that writing the seed's
 * dirty pages out does not fall into the measured minute.
 */
export async function prepareLoadUsers(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE users SET password_hash = $1 WHERE email LIKE '%@bench.invalid'", [
      await hashPassword(LOAD_PASSWORD),
    ]);
    await client.query(
      `INSERT INTO link_sync_states (link_id, status, cursor_at, next_run_at, last_attempt_at, last_success_at, updated_at)
       SELECT id, 'ok', now(), now() + interval '1 day', now(), now(), now() FROM wiki_links
       ON CONFLICT (link_id) DO UPDATE SET next_run_at = EXCLUDED.next_run_at, last_success_at = EXCLUDED.last_success_at`,
    );
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}
