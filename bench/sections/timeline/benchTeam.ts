import type pg from "pg";

/** A team of `members` (all owners) with every link of theirs shared into it, analysed for the planner. Returns the shared links. */
export async function createBenchTeam(
  client: pg.ClientBase,
  teamId: string,
  members: readonly string[],
): Promise<number> {
  await client.query(`INSERT INTO teams (id, name) VALUES ($1, 'Bench team')`, [teamId]);
  await client.query(
    `INSERT INTO team_members (team_id, user_id, role) SELECT $1, u, 'owner' FROM unnest($2::uuid[]) AS u`,
    [teamId, members],
  );
  const shared = await client.query(
    `INSERT INTO team_shared_links (team_id, link_id, user_id) SELECT $1, w.id, w.user_id FROM wiki_links w WHERE w.user_id = ANY($2::uuid[])`,
    [teamId, members],
  );
  await client.query("ANALYZE team_members, team_shared_links");
  return shared.rowCount ?? 0;
}
