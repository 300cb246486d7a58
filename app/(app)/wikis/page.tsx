import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { inReadersLanguage } from "@/app/i18n/syncStatusText";
import { requireUser } from "@/lib/auth/currentUser";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { getSyncStatusForUser } from "@/lib/sync/getSyncStatusForUser";
import { syncStatusJson } from "@/lib/sync/syncStatusJson";
import { AddLinkForm } from "./AddLinkForm";
import { LinkCard } from "./LinkCard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wikis");
  return { title: t("title") };
}

export default async function WikisPage() {
  const user = await requireUser();
  const [links, statuses] = await Promise.all([listLinksForUser(user.id), getSyncStatusForUser(user.id)]);
  const t = await getTranslations("wikis");
  const syncOf = new Map(
    await Promise.all(
      statuses.map(async (status) => [status.linkId, await inReadersLanguage(syncStatusJson(status))] as const),
    ),
  );
  return (
    <main>
      <h1>{t("title")}</h1>
      <ClientMessages namespaces={["wikis"]}>
        <section aria-labelledby="linked-heading">
          <h2 id="linked-heading">{t("linked")}</h2>
          {links.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <ul className="link-list" aria-label={t("linked")}>
              {links.map((link) => (
                <LinkCard key={link.id} link={link} sync={syncOf.get(link.id)} />
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <AddLinkForm />
        </section>
      </ClientMessages>
    </main>
  );
}
