import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/currentUser";
import { capabilityNotes } from "@/lib/links/capabilityNotes";
import { findLinkForUser } from "@/lib/links/linkRepository";
import { linkRemovalCost } from "@/lib/links/removeLink";
import { EditLinkForm } from "./EditLinkForm";
import { RemoveLinkButton } from "./RemoveLinkButton";
import { RevalidateButton } from "./RevalidateButton";

export const metadata: Metadata = { title: "Edit wiki link" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const link = UUID.test(id) ? await findLinkForUser(user.id, id) : null;
  if (!link) notFound();
  const cost = await linkRemovalCost(user.id, link.id);
  if (!cost) notFound();
  return (
    <main>
      <p>
        <Link href="/wikis">← Wikis</Link>
      </p>
      <h1>{link.displayName}</h1>
      <p>
        {link.site.name} · {link.wikiUsername}
      </p>
      <p>
        <Link href={`/wikis/${link.id}/watched`}>Watched pages</Link>
      </p>
      {capabilityNotes(link).map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
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
      <section className="card actions-row" aria-label="Link actions">
        <RevalidateButton linkId={link.id} />
        <RemoveLinkButton linkId={link.id} linkName={link.displayName} storedChanges={cost.storedChanges} />
      </section>
    </main>
  );
}
