/** The public addresses of a feed secret, one per format. */
export function feedUrls(baseUrl: string, secret: string): { rss: string; atom: string } {
  const base = baseUrl.replace(/\/+$/, "");
  return { rss: `${base}/feed/${secret}.rss`, atom: `${base}/feed/${secret}.atom` };
}

/** Splits "/feed/<secret>.<format>" back apart; null for anything else. */
export function parseFeedFileName(file: string): { secret: string; format: "rss" | "atom" } | null {
  const match = /^(.+)\.(rss|atom)$/.exec(file);
  return match ? { secret: match[1]!, format: match[2] as "rss" | "atom" } : null;
}
