import { prisma } from "@/lib/db/postgres";
import { MAIN_NAMESPACE } from "./timelineFilters";

/** What the filter form offers: the user's wikis and the namespaces they have. */
export interface TimelineOptions {
  wikis: { siteId: string; name: string; color: string }[];
  /** Namespace filter values (canonical names), each with the local names the wikis use. */
  namespaces: { value: string; label: string }[];
}

interface NamespacesJson {
  namespaces?: Record<string, { id: number; name: string; canonical: string | null }>;
}

export async function getTimelineOptions(userId: string): Promise<TimelineOptions> {
  const links = await prisma().wikiLink.findMany({
    where: { userId },
    select: optionLinkSelect,
    orderBy: { createdAt: "asc" },
  });
  return timelineOptionsOf(links);
}

/** What a link contributes to the filter form. */
export const optionLinkSelect = {
  displayName: true,
  color: true,
  site: { select: { id: true, name: true, namespaces: true } },
} as const;

export interface OptionLink {
  displayName: string;
  color: string;
  site: { id: string; name: string; namespaces: unknown };
}

/** The filter form's choices for a set of links (a user's, or those shared with a team). */
export function timelineOptionsOf(links: readonly OptionLink[]): TimelineOptions {
  const wikis = new Map<string, { siteId: string; name: string; color: string }>();
  const namespaces = new Map<number, { value: string; local: Set<string> }>();
  for (const link of links) {
    if (!wikis.has(link.site.id))
      wikis.set(link.site.id, { siteId: link.site.id, name: link.displayName, color: link.color });
    for (const ns of Object.values((link.site.namespaces as NamespacesJson).namespaces ?? {})) {
      if (ns.id < 0) continue; // Special and Media hold no changes
      const value = ns.id === 0 ? MAIN_NAMESPACE : (ns.canonical ?? ns.name);
      const slot = namespaces.get(ns.id) ?? { value, local: new Set<string>() };
      if (ns.id !== 0 && ns.name !== value) slot.local.add(ns.name);
      namespaces.set(ns.id, slot);
    }
  }
  return {
    wikis: [...wikis.values()],
    namespaces: [...namespaces.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, { value, local }]) => ({
        value,
        label: local.size > 0 ? `${value} (${[...local].join(", ")})` : value,
      })),
  };
}
