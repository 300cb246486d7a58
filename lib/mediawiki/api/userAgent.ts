export interface UserAgentInfo {
  appName: string;
  appVersion: string;
  /** Where a wiki operator can find out who runs this instance (Wikimedia's User-Agent policy asks for one). */
  contactUrl: string;
}

/** e.g. "Watchdeck/0.1.0 (https://watchdeck.example/about; MediaWiki watchlist reader)". */
export function buildUserAgent({ appName, appVersion, contactUrl }: UserAgentInfo): string {
  return `${appName}/${appVersion} (${contactUrl}; MediaWiki watchlist reader)`;
}
