import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { requireUser } from "@/lib/auth/currentUser";
import { findInvite } from "@/lib/teams/invites";
import { requireMember } from "@/lib/teams/members";
import { JoinTeamButton } from "./JoinTeamButton";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.join");
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function JoinTeamPage({ params }: { params: Promise<{ secret: string }> }) {
  const user = await requireUser();
  const { secret } = await params;
  const invite = await findInvite(secret);
  const t = await getTranslations("teams.join");
  if (!invite) {
    return (
      <main>
        <h1>{t("title")}</h1>
        <p className="error" role="alert">
          {t("invalid")}
        </p>
      </main>
    );
  }
  const already = (await requireMember(invite.teamId, user.id)).ok;
  return (
    <main>
      <h1>{t("heading", { team: invite.teamName })}</h1>
      {already ? (
        <p>{t.rich("already", { link: (chunks) => <Link href={`/teams/${invite.teamId}`}>{chunks}</Link> })}</p>
      ) : (
        <section className="card">
          <p>{t("hint", { team: invite.teamName })}</p>
          <ClientMessages namespaces={["teams"]}>
            <JoinTeamButton secret={secret} teamName={invite.teamName} />
          </ClientMessages>
        </section>
      )}
    </main>
  );
}
