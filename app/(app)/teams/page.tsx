import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { requireUser } from "@/lib/auth/currentUser";
import { listTeamsForUser } from "@/lib/teams/teams";
import { CreateTeamForm } from "./CreateTeamForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams");
  return { title: t("title") };
}

export default async function TeamsPage() {
  const user = await requireUser();
  const teams = await listTeamsForUser(user.id);
  const t = await getTranslations("teams");
  return (
    <main>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">{t("yours")}</h2>
        {teams.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="link-list" aria-label={t("yours")}>
            {teams.map((team) => (
              <li key={team.id} className="card" aria-label={team.name}>
                <h3>
                  <Link href={`/teams/${team.id}`}>{team.name}</Link>
                </h3>
                <p className="hint">
                  {t("role", { role: team.role })} · {t("members", { count: team.memberCount })} ·{" "}
                  <Link href={`/teams/${team.id}/settings`} aria-label={t("manageName", { name: team.name })}>
                    {t("manage")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <ClientMessages namespaces={["teams"]}>
          <CreateTeamForm />
        </ClientMessages>
      </section>
    </main>
  );
}
