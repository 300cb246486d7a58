import { MediaWikiApiError } from "./MediaWikiApiError";

export function mainPasswordUsedError(siteLabel: string, wikiText: string | null): MediaWikiApiError {
  return new MediaWikiApiError(
    "auth",
    "main_password_used",
    `This looks like the account's main password. Watchdeck only accepts bot passwords: create one on ${siteLabel} at Special:BotPasswords (grant "View your watchlist"), then enter the name it shows (User@botname) and its generated password.`,
    { wikiText, values: { site: siteLabel } },
  );
}

export function wrongPasswordError(siteLabel: string, wikiText: string | null): MediaWikiApiError {
  return new MediaWikiApiError(
    "auth",
    "wrong_password",
    `The bot password was rejected by ${siteLabel}. Check the user name (User@botname) and the password from Special:BotPasswords; it may have been revoked.`,
    { wikiText, values: { site: siteLabel } },
  );
}

export function loginThrottledError(
  siteLabel: string,
  wikiText: string | null,
  waitSeconds: number | null,
): MediaWikiApiError {
  return new MediaWikiApiError(
    "transient",
    "login_throttled",
    `${siteLabel} has paused logins for this account after too many attempts. Watchdeck will try again later.`,
    { wikiText, retryAfterSeconds: waitSeconds, values: { site: siteLabel } },
  );
}

export function botPasswordNeedsResetError(siteLabel: string, wikiText: string | null): MediaWikiApiError {
  return new MediaWikiApiError(
    "auth",
    "bot_password_needs_reset",
    `${siteLabel} requires this bot password to be reset. Create a new one at Special:BotPasswords and update the link.`,
    { wikiText, values: { site: siteLabel } },
  );
}

export function loginAbortedError(siteLabel: string, wikiText: string | null): MediaWikiApiError {
  return new MediaWikiApiError(
    "auth",
    "login_aborted",
    `${siteLabel} did not allow Watchdeck to log in this way. Use a bot password from Special:BotPasswords.`,
    { wikiText, values: { site: siteLabel } },
  );
}

export function loginTokenRejectedError(siteLabel: string): MediaWikiApiError {
  return new MediaWikiApiError(
    "transient",
    "login_token_rejected",
    `${siteLabel} kept rejecting the login token, which usually means its session storage is not working. Try again later.`,
    { values: { site: siteLabel } },
  );
}

export function noCredentialsError(siteLabel: string): MediaWikiApiError {
  return new MediaWikiApiError(
    "auth",
    "no_credentials",
    `Watchdeck has no bot password for ${siteLabel}, so it cannot log in. Add one to the link.`,
    { values: { site: siteLabel } },
  );
}
