import type { ApiResult } from "./parseApiResponse";
import { parseWire } from "./parseWire";
import { type SiteInfo, toSiteInfo } from "./siteInfo";
import { siteInfoWire } from "./wire/siteInfo";

/** Reads the answer to SITE_INFO_PARAMS into a SiteInfo. */
export function readSiteInfo(result: ApiResult, siteLabel: string): SiteInfo {
  return toSiteInfo(parseWire(siteInfoWire, result.data, siteLabel, "its site information"), result.url);
}
