import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/currentUser";
import { listLinksForUser } from "@/lib/links/linkRepository";
import { AddLinkForm } from "./AddLinkForm";
import { LinkCard } from "./LinkCard";

export const metadata: Metadata = { title: "Wikis" };

export default async function WikisPage() {
  const user = await requireUser();
  const links = await listLinksForUser(user.id);
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
              <LinkCard key={link.id} link={link} />
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
