import { FETCH_LIBRARY } from "@/lib/net/safeFetch";

export interface UserAgentInfo {
  appName: string;
  appVersion: string;
  /** How a wiki's operators reach whoever runs this instance: an email address or a URL (Wikimedia's User-Agent policy). */
  contact: string;
}

/**
 * Wikimedia's User-Agent policy form, `<client>/<version> (<contact>) <library>/<version>`, e.g.
 * "Watchdeck/0.1.0 (ops@wiki-tools.example) undici/7.30.2".
 */
export function buildUserAgent({ appName, appVersion, contact }: UserAgentInfo): string {
  return `${appName}/${appVersion} (${contact}) ${FETCH_LIBRARY}`;
}
