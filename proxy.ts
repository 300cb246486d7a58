import { type NextRequest, NextResponse } from "next/server";
import { isCrossSiteRequest } from "@/lib/auth/crossSiteRequest";
import { REQUEST_PATH_HEADER } from "@/lib/auth/requestPath";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses any change sent from another site's page with a plain 403. Next refuses such a server action
 * itself, but as a 500 with an error digest; route handlers check too, this answers before either runs.
 */
export function proxy(request: NextRequest): NextResponse {
  if (!SAFE_METHODS.has(request.method) && isCrossSiteRequest(request.headers)) {
    return new NextResponse("This request came from another site's page, so it was refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  // Pages cannot see their own address; requireUser needs it to send a signed-out visitor back after sign-in.
  const headers = new Headers(request.headers);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  const query = search.toString();
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${query ? `?${query}` : ""}`);
  return NextResponse.next({ request: { headers } });
}

// The timeline's JSON endpoints are GET-only route handlers that a page polls every few seconds: nothing here
// applies to them (no change to refuse, no page to come back to), and running the proxy cost each call a second
// request object and a copy of its headers.
export const config = {
  matcher: "/((?!_next/static|_next/image|api/timeline(?:/new)?$|api/teams/[^/]+/timeline(?:/new)?$).*)",
};
