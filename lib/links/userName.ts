/**
 * A wiki user name as MediaWiki stores it: underscores are spaces, runs of spaces collapse,
 * and the first letter is upper case (true on every wiki with $wgCapitalLinks, the default).
 */
export function normaliseWikiUserName(name: string): string {
  const spaced = name.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return spaced.charAt(0).toLocaleUpperCase("en") + spaced.slice(1);
}

/** "Alice@watchdeck" → "Alice": the wiki account a bot password belongs to. */
export function accountOfBotLogin(loginName: string): string {
  const at = loginName.lastIndexOf("@");
  return normaliseWikiUserName(at > 0 ? loginName.slice(0, at) : loginName);
}
