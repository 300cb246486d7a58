import type { MediaWikiClient } from "./client";

/** The rights of the account the client is logged in as (meta=userinfo&uiprop=rights); none when the answer lacks them. */
export async function readUserRights(client: MediaWikiClient): Promise<Set<string>> {
  const answer = await client.get({ action: "query", meta: "userinfo", uiprop: "rights" });
  const rights = (answer.data as { query?: { userinfo?: { rights?: unknown } } }).query?.userinfo?.rights;
  return new Set(Array.isArray(rights) ? rights.filter((right): right is string => typeof right === "string") : []);
}
