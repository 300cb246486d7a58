import { storableText } from "@/lib/changes/storableText";
import type { SiteInfoWire } from "./wire/siteInfo";

export const SITE_INFO_PARAMS = {
  action: "query",
  meta: "siteinfo",
  siprop: ["general", "namespaces", "namespacealiases"],
} as const;

export interface NamespaceInfo {
  id: number;
  /** Local name, e.g. "Diskussion" on a German wiki; "" for the main namespace. */
  name: string;
  /** English canonical name, e.g. "Talk"; null for the main namespace. */
  canonical: string | null;
  content: boolean;
}

export interface SiteInfo {
  siteName: string;
  /** Absolute origin, e.g. "https://de.wikipedia.org" (protocol-relative servers resolved). */
  server: string;
  /** e.g. "/wiki/$1". */
  articlePath: string;
  /** e.g. "/w"; "" when index.php sits at the root. */
  scriptPath: string;
  lang: string;
  /** The content language is written right to left (siteinfo `rtl`). */
  rtl: boolean;
  mainPage: { title: string; url: string };
  /** e.g. "MediaWiki 1.39.17". */
  generator: string;
  /** e.g. "1.39.17"; null if the generator string has no version. */
  mediaWikiVersion: string | null;
  wikiId: string;
  namespaces: Record<number, NamespaceInfo>;
  namespaceAliases: { id: number; alias: string }[];
}

/**
 * `apiUrl` supplies the scheme for wikis that configure a protocol-relative $wgServer. The wiki's text is stored
 * as Postgres can hold it (storableText): a NUL in a site or namespace name must not make the link impossible to save.
 */
export function toSiteInfo(wire: SiteInfoWire, apiUrl: string): SiteInfo {
  const { general, namespaces, namespacealiases } = wire.query;
  const namespaceEntries = Object.values(namespaces).map((namespace): [number, NamespaceInfo] => [
    namespace.id,
    {
      id: namespace.id,
      name: storableText(namespace.name),
      canonical: namespace.canonical === undefined ? null : storableText(namespace.canonical),
      content: namespace.content ?? false,
    },
  ]);

  const generator = storableText(general.generator);
  return {
    siteName: storableText(general.sitename),
    server: new URL(general.server, apiUrl).origin,
    articlePath: storableText(general.articlepath),
    scriptPath: storableText(general.scriptpath),
    lang: storableText(general.lang),
    rtl: general.rtl === true,
    mainPage: { title: storableText(general.mainpage), url: new URL(general.base, apiUrl).href },
    generator,
    mediaWikiVersion: /^MediaWiki (\S+)/.exec(generator)?.[1] ?? null,
    wikiId: storableText(general.wikiid),
    namespaces: Object.fromEntries(namespaceEntries),
    namespaceAliases: namespacealiases.map(({ id, alias }) => ({ id, alias: storableText(alias) })),
  };
}

export function isMediaWikiGenerator(generator: string): boolean {
  return generator.startsWith("MediaWiki ");
}
