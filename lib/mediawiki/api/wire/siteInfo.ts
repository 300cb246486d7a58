import { z } from "zod";

const namespaceWire = z.object({
  id: z.number(),
  name: z.string(),
  canonical: z.string().optional(),
  content: z.boolean().optional(),
});

/** action=query&meta=siteinfo&siprop=general|namespaces|namespacealiases, formatversion=2. */
export const siteInfoWire = z.object({
  query: z.object({
    general: z.object({
      mainpage: z.string(),
      base: z.string(),
      sitename: z.string(),
      generator: z.string(),
      lang: z.string(),
      /** Present (true) only on right-to-left content languages, in formatversion=2. */
      rtl: z.boolean().optional(),
      server: z.string(),
      articlepath: z.string(),
      scriptpath: z.string(),
      wikiid: z.string(),
    }),
    namespaces: z.record(z.string(), namespaceWire),
    namespacealiases: z.array(z.object({ id: z.number(), alias: z.string() })).default([]),
  }),
});
export type SiteInfoWire = z.infer<typeof siteInfoWire>;
