import { failureMessage } from "@/app/i18n/failureMessage";
import { unsubscribeAlertEmail, unsubscribePageUrl } from "@/lib/alerts/email/unsubscribe";
import { serverConfig } from "@/lib/config/serverConfig";

export const dynamic = "force-dynamic";

const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

/** A person who opened the header's URL in a browser gets the page that asks first. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    headers: { location: unsubscribePageUrl(serverConfig().baseUrl, token), "cache-control": "no-store" },
  });
}

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs "List-Unsubscribe=One-Click" here, with no session.
 * The confirm page's form posts here too, and is sent back to the page to see the result.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const config = serverConfig();
  const result = await unsubscribeAlertEmail(config.authSecret, token);
  const fromPage = (await request.formData().catch(() => null))?.get("from") === "page";
  if (fromPage) {
    const page = `${unsubscribePageUrl(config.baseUrl, token)}${result.ok ? "?done=1" : ""}`;
    return new Response(null, { status: 303, headers: { location: page, "cache-control": "no-store" } });
  }
  if (!result.ok) return new Response(`${await failureMessage(result.failure)}\n`, { status: 404, headers: TEXT });
  return new Response(`Mail from the alert “${result.value.alertName}” is stopped.\n`, { status: 200, headers: TEXT });
}
