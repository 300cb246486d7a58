import { apiError, SIGNED_OUT } from "@/app/api/apiError";
import { exportAccount } from "@/lib/accounts/exportAccount";
import { currentUser } from "@/lib/auth/currentUser";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return apiError(SIGNED_OUT, 401);
  const data = await exportAccount(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="watchdeck-export.json"',
      "cache-control": "no-store",
    },
  });
}
