import { z } from "zod";
import { apiError, SIGNED_OUT } from "@/app/api/apiError";
import { inReadersLanguage } from "@/app/i18n/syncStatusText";
import { isCrossSiteRequest } from "@/lib/auth/crossSiteRequest";
import { currentUser } from "@/lib/auth/currentUser";
import { getLinkSyncStatus } from "@/lib/sync/getSyncStatusForUser";
import { requestSyncNow } from "@/lib/sync/requestSyncNow";
import { syncStatusJson } from "@/lib/sync/syncStatusJson";

interface Context {
  params: Promise<{ id: string }>;
}

const linkId = z.uuid();
const notFound = () => apiError({ code: "link_not_found", message: "There is no such linked wiki." }, 404);

/** The link's sync status, for polling while a sync runs. */
export async function GET(_request: Request, context: Context) {
  const user = await currentUser();
  if (!user) return apiError(SIGNED_OUT, 401);
  const id = linkId.safeParse((await context.params).id);
  if (!id.success) return notFound();
  const status = await getLinkSyncStatus(user.id, id.data);
  return status ? Response.json(await inReadersLanguage(syncStatusJson(status))) : notFound();
}

/** "Sync now". */
export async function POST(request: Request, context: Context) {
  if (isCrossSiteRequest(request.headers))
    return apiError({ code: "cross_site", message: "Requests from other sites are refused." }, 403);
  const user = await currentUser();
  if (!user) return apiError(SIGNED_OUT, 401);
  const id = linkId.safeParse((await context.params).id);
  if (!id.success) return notFound();
  const result = await requestSyncNow(user.id, id.data);
  if (!result.ok) return notFound();
  const status = await getLinkSyncStatus(user.id, id.data);
  return status ? Response.json(await inReadersLanguage(syncStatusJson(status)), { status: 202 }) : notFound();
}
