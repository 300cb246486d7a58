import { createHash } from "node:crypto";
import type { FeedDocument } from "./feedDocument";

/** A validator that changes whenever anything a reader would see changes. */
export function feedEtag(feed: FeedDocument, format: "rss" | "atom"): string {
  const hash = createHash("sha256");
  hash.update(`${format}\n${feed.id}\n${feed.title}\n${feed.updated.toISOString()}\n`);
  for (const item of feed.items) hash.update(`${item.id}\n${item.title}\n${item.summaryHtml}\n${item.author ?? ""}\n`);
  return `"${hash.digest("base64url").slice(0, 27)}"`;
}

/** True when the reader's cached copy is current (RFC 9110: If-None-Match wins over If-Modified-Since). */
export function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === etag);
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
