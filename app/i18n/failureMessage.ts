import { getLocale } from "next-intl/server";
import { failureText } from "@/lib/i18n/failureText";
import type { Failure } from "@/lib/result";

/** A failure from lib/ in the language of whoever asked (server components and server actions). */
export async function failureMessage(failure: Pick<Failure, "code" | "message" | "values">): Promise<string> {
  return failureText(failure, await getLocale());
}
