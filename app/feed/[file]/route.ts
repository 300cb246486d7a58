import { serverConfig } from "@/lib/config/serverConfig";
import { feedEtag, isNotModified } from "@/lib/feeds/conditionalGet";
import { DEFAULT_FEED_LIMIT, feedLanguage, loadFeedDocument, MAX_FEED_LIMIT } from "@/lib/feeds/feedDocument";
import { feedUrls, findFeedBySecret, parseFeedFileName } from "@/lib/feeds/feedTokens";
import { buildAtom, buildRss } from "@/lib/feeds/feedXml";
import { resolveFeedScope } from "@/lib/teams/teamFeeds";
import { safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
} as const;

// One answer for unknown, revoked and malformed secrets alike: nothing tells them apart.
function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function badRequest(message: string): Response {
  return new Response(`${message}\n`, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const target = parseFeedFileName((await params).file);
  if (!target) return notFound();
  const feed = await findFeedBySecret(target.secret);
  if (!feed) return notFound();

  const limitText = new URL(request.url).searchParams.get("limit");
  const limit = limitText === null ? DEFAULT_FEED_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_LIMIT) {
    return badRequest(`limit must be a whole number from 1 to ${MAX_FEED_LIMIT}.`);
  }
  const filters = safeParseTimelineFilters(new URLSearchParams(feed.filterQuery));
  if (!filters.ok) return badRequest(filters.failure.message);

  const baseUrl = serverConfig().baseUrl;
  // A team feed whose creator has left the team answers like an unknown secret.
  const scope = await resolveFeedScope(feed);
  if (!scope) return notFound();
  const document = await loadFeedDocument({
    feedId: feed.id,
    locale: feedLanguage(feed.ownerLocale),
    name: feed.name,
    scope,
    filters: filters.value,
    limit,
    selfUrl: feedUrls(baseUrl, target.secret)[target.format],
    pageUrl: `${baseUrl.replace(/\/+$/, "")}/`,
    emptySince: feed.createdAt,
  });

  const body = target.format === "rss" ? buildRss(document) : buildAtom(document);
  const etag = feedEtag(body);
  const headers = {
    etag,
    "last-modified": document.updated.toUTCString(),
    // Readers poll; five minutes spares the wiki-free database. Private: the URL is a secret.
    "cache-control": "private, max-age=300",
    "x-robots-tag": "noindex",
  };
  if (isNotModified(request.headers, etag, document.updated)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": CONTENT_TYPES[target.format] } });
}
