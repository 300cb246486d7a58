import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/currentUser";
import { messagesFor } from "@/lib/i18n/catalogues";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { requestLocale } from "./requestLocale";

// next-intl's per-request configuration: the language and time zone of whoever asks (no locale in the URL:
// the same address serves every language, as Special:Watchlist does).
export default getRequestConfig(async () => {
  const user = await currentUser();
  const locale = requestLocale(user, (await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: usableTimeZone(user?.timeZone ?? null) };
});
