import { NextResponse } from "next/server";
import { failureMessage } from "@/app/i18n/failureMessage";
import { failureText } from "@/lib/i18n/failureText";
import type { Locale } from "@/lib/i18n/locales";
import type { Failure } from "@/lib/result";

/**
 * The JSON error of an API route, `{ error, code }`: the failure worded by its code in the language of whoever asked
 * (the inline diff and "load more" show `error` as it is), and the code for programs. A route that has decided the
 * language already (requestLocale) passes it; otherwise next-intl's request configuration decides.
 */
export async function apiError(
  failure: Pick<Failure, "code" | "message" | "values">,
  status: number,
  headers?: Record<string, string>,
  locale?: Locale,
): Promise<NextResponse> {
  const error = locale ? failureText(failure, locale) : await failureMessage(failure);
  return NextResponse.json({ error, code: failure.code }, { status, headers });
}

/** The failure of a request without a session. */
export const SIGNED_OUT = { code: "signed_out", message: "Sign in first." } as const;
