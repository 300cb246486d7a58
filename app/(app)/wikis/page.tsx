import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/currentUser";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { getSyncStatusForUser } from "@/lib/sync/getSyncStatusForUser";
import { syncStatusJson } from "@/lib/sync/syncStatusJson";
import { AddLinkForm } from "./AddLinkForm";
import { LinkCard } from "./LinkCard";

export const metadata: Metadata = { title: "Wikis" };

export default async function WikisPage() {
  const user = await requireUser();
  const [links, statuses] = await Promise.all([listLinksForUser(user.id), getSyncStatusForUser(user.id)]);
  const syncOf = new Map(statuses.map((status) => [status.linkId, syncStatusJson(status)]));
  return (
    <main>
      <h1>Wikis</h1>
      <section aria-labelledby="linked-heading">
        <h2 id="linked-heading">Linked wikis</h2>
        {links.length === 0 ? (
          <p>No wikis linked yet. Link one below.</p>
        ) : (
          <ul className="link-list" aria-label="Linked wikis">
            {links.map((link) => (
              <LinkCard key={link.id} link={link} sync={syncOf.get(link.id)} />
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <AddLinkForm />
      </section>
    </main>
  );
}
