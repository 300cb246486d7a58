import { z } from "zod";
import { prisma } from "@/lib/db/postgres";
import type { SiteNamespaces } from "./pageTitles";

const storedNamespaces = z.object({
  namespaces: z.record(
    z.string(),
    z.object({ id: z.number(), name: z.string(), canonical: z.string().nullable(), content: z.boolean() }),
  ),
  aliases: z.array(z.object({ id: z.number(), alias: z.string() })),
});

const EMPTY: SiteNamespaces = { namespaces: { 0: { id: 0, name: "", canonical: null, content: true } }, aliases: [] };

/** The namespaces siteinfo reported for a wiki when it was linked (see lib/links upsertSite). */
export async function siteNamespaces(siteId: string): Promise<SiteNamespaces> {
  const site = await prisma().site.findUnique({ where: { id: siteId }, select: { namespaces: true } });
  const parsed = storedNamespaces.safeParse(site?.namespaces);
  if (!parsed.success) return EMPTY;
  return {
    namespaces: Object.fromEntries(Object.values(parsed.data.namespaces).map((info) => [info.id, info])),
    aliases: parsed.data.aliases,
  };
}
