import { storableText } from "@/lib/changes/storableText";
import {
  botPasswordNeedsResetError,
  loginAbortedError,
  loginThrottledError,
  mainPasswordUsedError,
  wrongPasswordError,
} from "./loginErrors";
import { MediaWikiApiError } from "./MediaWikiApiError";
import type { ApiWarning } from "./parseApiResponse";
import type { LoginWire } from "./wire/login";

export interface LoginSuccess {
  userId: number;
  userName: string;
}

export type LoginOutcome =
  | { status: "success"; user: LoginSuccess }
  /** The login token or its session was not accepted: fetch a new token and try once more. */
  | { status: "retry_with_new_token" }
  /** Logged in, but with the main account password: the session must be thrown away. */
  | { status: "main_account_session"; error: MediaWikiApiError }
  | { status: "failed"; error: MediaWikiApiError };

const MAIN_ACCOUNT_LOGIN_FEATURE = "main-account-login";

/** Maps an action=login answer (and its warnings) to what the login flow should do next. */
export function interpretLoginResult(
  wire: LoginWire,
  warnings: readonly ApiWarning[],
  siteLabel: string,
): LoginOutcome {
  const { result, reason, lguserid, lgusername } = wire.login;
  const reasonCode = reason?.code ?? null;
  const reasonText = reason?.text ?? null;

  switch (result) {
    case "Success": {
      // MediaWiki 1.39 still accepts a main-account password on action=login
      // and only warns; Watchdeck must never hold such a session.
      const mainAccountWarning = warnings.find(isMainAccountLoginWarning);
      if (mainAccountWarning) {
        return {
          status: "main_account_session",
          error: mainPasswordUsedError(siteLabel, mainAccountWarning.text ?? null),
        };
      }
      if (lguserid === undefined || lgusername === undefined) {
        return { status: "failed", error: unexpected(siteLabel) };
      }
      // The name is stored with the link: a NUL from a broken wiki must not make the link impossible to save.
      return { status: "success", user: { userId: lguserid, userName: storableText(lgusername) } };
    }
    case "NeedToken":
    case "WrongToken":
      return { status: "retry_with_new_token" };
    case "Failed":
      if (reasonCode === "sessionlost") return { status: "retry_with_new_token" };
      if (reasonCode === "login-throttled") {
        return { status: "failed", error: loginThrottledError(siteLabel, reasonText, null) };
      }
      if (reasonCode === "botpasswords-needs-reset" || reasonCode === "botpasswords-locked") {
        return { status: "failed", error: botPasswordNeedsResetError(siteLabel, reasonText) };
      }
      return { status: "failed", error: wrongPasswordError(siteLabel, reasonText) };
    case "Throttled":
      return { status: "failed", error: loginThrottledError(siteLabel, reasonText, wire.login.wait ?? null) };
    case "Aborted":
      // Only main-account logins get as far as needing user interaction
      // (2FA, forced password change), and MediaWiki then points at
      // Special:BotPasswords.
      if (reasonCode === "api-login-fail-aborted" || /Special:BotPasswords/i.test(reasonText ?? "")) {
        return { status: "failed", error: mainPasswordUsedError(siteLabel, reasonText) };
      }
      return { status: "failed", error: loginAbortedError(siteLabel, reasonText) };
    default:
      return { status: "failed", error: unexpected(siteLabel, `login result ${result}`) };
  }
}

function isMainAccountLoginWarning(warning: ApiWarning): boolean {
  const data = warning.data as { feature?: unknown } | undefined;
  return warning.code === "deprecation" && data?.feature === MAIN_ACCOUNT_LOGIN_FEATURE;
}

function unexpected(siteLabel: string, detail = "incomplete login answer"): MediaWikiApiError {
  return new MediaWikiApiError(
    "invalid",
    "unexpected_response",
    `${siteLabel} sent a login answer Watchdeck could not read (${detail}).`,
  );
}
