import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/currentUser";
import { listTeamsForUser } from "@/lib/teams/teams";
import { CreateTeamForm } from "./CreateTeamForm";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await requireUser();
  const teams = await listTeamsForUser(user.id);
  return (
    <main>
      <h1>Teams</h1>
      <p>
        A team merges the watchlists its members choose to share into one timeline. Nothing of yours is shared until you
        pick which of your wikis the team may see.
      </p>
      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Your teams</h2>
        {teams.length === 0 ? (
          <p>You are not in a team yet. Create one below, or open an invitation link from a team’s owner.</p>
        ) : (
          <ul className="link-list" aria-label="Your teams">
            {teams.map((team) => (
              <li key={team.id} className="card" aria-label={team.name}>
                <h3>
                  <Link href={`/teams/${team.id}`}>{team.name}</Link>
                </h3>
                <p className="hint">
                  {team.role === "owner" ? "Owner" : "Member"} · {team.memberCount}{" "}
                  {team.memberCount === 1 ? "member" : "members"} ·{" "}
                  <Link href={`/teams/${team.id}/settings`} aria-label={`Manage ${team.name}`}>
                    Manage
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <CreateTeamForm />
      </section>
    </main>
  );
}
