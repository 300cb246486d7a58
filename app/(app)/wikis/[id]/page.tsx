import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { requireUser } from "@/lib/auth/currentUser";
import { findLinkForUser } from "@/lib/links/linkRepository";
import { linkRemovalCost } from "@/lib/links/removeLink";
import { capabilityWords } from "../linkWords";
import { EditLinkForm } from "./EditLinkForm";
import { RemoveLinkButton } from "./RemoveLinkButton";
import { RevalidateButton } from "./RevalidateButton";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wikis.edit");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const link = UUID.test(id) ? await findLinkForUser(user.id, id) : null;
  if (!link) notFound();
  const cost = await linkRemovalCost(user.id, link.id);
  if (!cost) notFound();
  const [t, tCard] = await Promise.all([getTranslations("wikis.edit"), getTranslations("wikis.card")]);
  return (
    <main>
      <p>
        <Link href="/wikis">{t("back")}</Link>
      </p>
      <h1>{link.displayName}</h1>
      <p>
        {link.site.name} · {link.wikiUsername}
      </p>
      <p>
        <Link href={`/wikis/${link.id}/watched`}>{t("watched")}</Link>
      </p>
      {capabilityWords(tCard, link).map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <ClientMessages namespaces={["wikis"]}>
        <section className="card">
          <EditLinkForm
            link={{
              id: link.id,
              displayName: link.displayName,
              color: link.color,
              loginName: link.loginName,
              authMode: link.authMode,
              hasSecret: link.hasSecret,
            }}
          />
        </section>
        <section className="card actions-row" aria-label={t("actions")}>
          <RevalidateButton linkId={link.id} />
          <RemoveLinkButton linkId={link.id} linkName={link.displayName} storedChanges={cost.storedChanges} />
        </section>
      </ClientMessages>
    </main>
  );
}
