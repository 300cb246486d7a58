import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import styles from "@/app/(app)/watching/watching.module.css";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { failureMessage } from "@/app/i18n/failureMessage";
import { requireUser } from "@/lib/auth/currentUser";
import { loadWatchedPagesScreen } from "@/lib/watching/loadWatchedPagesScreen";
import { AddPagesForm } from "./AddPagesForm";
import { WatchedPagesList } from "./WatchedPagesList";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wikis.watched");
  return { title: t("title") };
}

const params = z.object({ id: z.uuid() });
const query = z.object({
  ns: z
    .preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(0).optional())
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export default async function WatchedPagesPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const route = params.safeParse(await props.params);
  if (!route.success) notFound();
  const filter = query.parse(await props.searchParams);
  const screen = await loadWatchedPagesScreen(user.id, route.data.id, {
    namespace: filter.ns,
    titleContains: filter.q,
  });
  if (!screen) notFound();
  const { link, listing } = screen;
  const t = await getTranslations("wikis.watched");
  const refusal = screen.refusal && (await failureMessage(screen.refusal));
  return (
    <main>
      <p>
        <Link href={`/wikis/${link.id}`}>← {link.displayName}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>
        <bdi {...screen.wikiText}>{link.siteName}</bdi> · <bdi {...screen.wikiText}>{link.wikiUsername}</bdi>
      </p>
      {refusal && (
        <p id="watch-refusal" className="hint">
          {refusal}
        </p>
      )}
      <form method="get" className={styles.toolbar} aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="filter-ns">{t("namespace")}</label>
          <select id="filter-ns" name="ns" defaultValue={filter.ns ?? ""}>
            <option value="">{t("all")}</option>
            {screen.namespaces.map((namespace) => (
              <option key={namespace.id} value={namespace.id}>
                {namespace.id === 0 ? t("mainNamespace") : namespace.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">{t("titleContains")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <button type="submit" className="secondary">
          {t("filter")}
        </button>
      </form>
      <ClientMessages namespaces={["wikis"]}>
        <section className="card" aria-label={t("addLabel")}>
          <h2>{t("watchMore")}</h2>
          <AddPagesForm linkId={link.id} disabledReason={refusal} />
        </section>
        {listing.ok ? (
          <WatchedPagesList
            // A new filter starts without leftover selection; the outcome of an unwatch outlives the refresh it causes.
            key={`${filter.ns ?? ""}|${filter.q ?? ""}`}
            linkId={link.id}
            wikiText={screen.wikiText}
            expiryKnown={listing.value.expiryKnown}
            disabledReason={refusal}
            pages={listing.value.pages.map((page) => ({
              title: page.title,
              url: screen.pageUrl(page.title),
              missing: page.missing,
              unreadSince: page.unreadSince?.toISOString() ?? null,
              expiresAt: page.expiresAt?.toISOString() ?? null,
            }))}
          />
        ) : (
          <p className="error" role="alert">
            {await failureMessage(listing.failure)}
          </p>
        )}
      </ClientMessages>
    </main>
  );
}
