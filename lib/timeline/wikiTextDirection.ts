/**
 * How a wiki's text is marked up: its content direction and language (TimelineRowView's dir and lang). A file
 * of its own: the browser's copy of the timeline derives it from the page's sites, without the row view's
 * server-side imports (the summary sanitiser).
 */
export function wikiTextDirection(site: { rtl: boolean; lang: string }): { dir: "ltr" | "rtl"; lang: string } {
  return { dir: site.rtl ? "rtl" : "ltr", lang: site.lang };
}
