import { z } from "zod";

/**
 * Wire types of MediaWiki's action=feedwatchlist output as fast-xml-parser
 * hands it over (see safeXml.ts: attributes as "@_name", text as "#text" when
 * an element also has attributes, every value a string). Only the fields the
 * adapters read are kept; everything else is dropped here — notably the Atom
 * feed's <id> and rel="self" link, which carry the request URL and with it
 * the watchlist token.
 *
 * RSS (includes/templates/RSSItem.mustache):
 *   <item><title/><link/><guid isPermaLink="false"/><description/>
 *         <pubDate/>? <dc:creator/>? <comments/>?</item>
 * Atom (includes/templates/AtomItem.mustache):
 *   <entry><id/><title/><link rel="alternate" type="text/html" href=""/>
 *          <updated/>? <summary type="html"/> <author><name/></author>?</entry>
 */

/** An element's text: a bare string, or { "#text" } when it has attributes. Empty elements give "". */
const text = z.union([
  z.string(),
  z
    .object({ "#text": z.string().optional() })
    .loose()
    .transform((node) => node["#text"] ?? ""),
]);

export const wireRssItem = z.object({
  title: text.optional(),
  link: text.optional(),
  guid: text.optional(),
  description: text.optional(),
  pubDate: text.optional(),
  "dc:creator": text.optional(),
});
export type WireRssItem = z.infer<typeof wireRssItem>;

export const wireRssDocument = z.object({
  rss: z.object({
    channel: z.object({
      title: text.optional(),
      item: z.array(z.unknown()).optional(),
    }),
  }),
});

const atomLink = z.object({
  "@_href": z.string().optional(),
  "@_rel": z.string().optional(),
});

export const wireAtomEntry = z.object({
  id: text.optional(),
  title: text.optional(),
  link: z.array(atomLink).optional(),
  updated: text.optional(),
  published: text.optional(),
  summary: text.optional(),
  author: z.object({ name: text.optional() }).optional(),
});
export type WireAtomEntry = z.infer<typeof wireAtomEntry>;

export const wireAtomDocument = z.object({
  feed: z.object({
    title: text.optional(),
    entry: z.array(z.unknown()).optional(),
  }),
});
