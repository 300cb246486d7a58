/**
 * Whether a browser sent this request from another site's page. Route handlers that change something refuse
 * those, as Next refuses server actions whose Origin is not the Host. The SameSite=Lax session cookie already
 * stays off cross-site POSTs in today's browsers; this also covers a page on a sibling subdomain (same site,
 * other origin), which gets the cookie. A request with neither header comes from no browser page (curl, a
 * script holding the cookie) and is let through.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  // Behind a proxy the browser's host is the forwarded one, as Next reads it for server actions.
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  if (!URL.canParse(origin)) return true; // "null": a sandboxed frame, a file, a redirect across origins
  return new URL(origin).host.toLowerCase() !== host;
}
