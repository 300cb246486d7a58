import type { NamespaceInfo } from "@/lib/mediawiki/api/siteInfo";

/** A wiki's namespaces as siteinfo gave them (stored in sites.namespaces). */
export interface SiteNamespaces {
  namespaces: Record<number, NamespaceInfo>;
  aliases: { id: number; alias: string }[];
}

export interface PageTitle {
  namespace: number;
  /** The title without its namespace prefix. */
  text: string;
}

export interface CounterpartPage {
  /** What the counterpart is to the given page. */
  relation: "talk" | "subject";
  namespace: number;
  title: string;
}

// MediaWiki compares namespace prefixes case-insensitively with spaces and underscores alike.
const normalise = (name: string) => name.replace(/_/g, " ").trim().toLowerCase();

export function splitTitle(title: string, site: SiteNamespaces): PageTitle {
  const colon = title.indexOf(":");
  if (colon > 0) {
    const prefix = normalise(title.slice(0, colon));
    const text = title.slice(colon + 1).trim();
    for (const info of Object.values(site.namespaces)) {
      if (info.id === 0) continue;
      if (normalise(info.name) === prefix || (info.canonical !== null && normalise(info.canonical) === prefix))
        return { namespace: info.id, text };
    }
    const alias = site.aliases.find((candidate) => normalise(candidate.alias) === prefix);
    if (alias) return { namespace: alias.id, text };
  }
  return { namespace: 0, text: title.trim() };
}

export function joinTitle(namespace: number, text: string, site: SiteNamespaces): string {
  const name = site.namespaces[namespace]?.name ?? "";
  return name === "" ? text : `${name}:${text}`;
}

/**
 * The talk page of a subject page or the subject page of a talk page: talk namespaces are the
 * odd ones, each right after its subject namespace. Null for Special and Media (negative), which
 * have no talk pages, and when the wiki lacks the other namespace.
 */
export function counterpartPage(title: string, site: SiteNamespaces): CounterpartPage | null {
  const page = splitTitle(title, site);
  if (page.namespace < 0) return null;
  const isTalk = page.namespace % 2 === 1;
  const namespace = isTalk ? page.namespace - 1 : page.namespace + 1;
  if (!site.namespaces[namespace]) return null;
  return { relation: isTalk ? "subject" : "talk", namespace, title: joinTitle(namespace, page.text, site) };
}

/** The page and its counterpart: the wiki always watches, unwatches and expires the two together. */
export function watchPair(title: string, site: SiteNamespaces): string[] {
  const counterpart = counterpartPage(title, site);
  return counterpart ? [title, counterpart.title] : [title];
}
