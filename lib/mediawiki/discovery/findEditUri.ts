/**
 * Finds the api.php address a MediaWiki page advertises in
 * `<link rel="EditURI" href="…/api.php?action=rsd">`, resolved against the
 * page address. Returns null when the page has none.
 */
export function findEditUri(html: string, pageUrl: string): string | null {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, "rel");
    const href = attribute(tag, "href");
    if (!rel || !href) continue;
    if (!rel.toLowerCase().split(/\s+/).includes("edituri")) continue;
    try {
      const url = new URL(decodeEntities(href), pageUrl);
      if (!url.pathname.endsWith("api.php")) continue;
      return `${url.origin}${url.pathname}`;
    } catch {}
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&#0*38;/g, "&")
    .replace(/&quot;/g, '"');
}
