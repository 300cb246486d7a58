import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/currentUser";
import { findInvite } from "@/lib/teams/invites";
import { requireMember } from "@/lib/teams/members";
import { JoinTeamButton } from "./JoinTeamButton";

export const metadata: Metadata = { title: "Join a team", referrer: "no-referrer" };

export default async function JoinTeamPage({ params }: { params: Promise<{ secret: string }> }) {
  const user = await requireUser();
  const { secret } = await params;
  const invite = await findInvite(secret);
  if (!invite) {
    return (
      <main>
        <h1>Join a team</h1>
        <p className="error" role="alert">
          This invitation link is not valid: it may have expired or been revoked. Ask the team’s owner for a new one.
        </p>
      </main>
    );
  }
  const already = (await requireMember(invite.teamId, user.id)).ok;
  return (
    <main>
      <h1>Join {invite.teamName}</h1>
      {already ? (
        <p>
          You are already in this team. <Link href={`/teams/${invite.teamId}`}>Open its timeline</Link>
        </p>
      ) : (
        <section className="card">
          <p>
            Joining shares nothing of yours: afterwards you choose which of your wikis {invite.teamName} may see. You
            will see what the other members share with the team.
          </p>
          <JoinTeamButton secret={secret} teamName={invite.teamName} />
        </section>
      )}
    </main>
  );
}
