export type ApiParamValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type ApiParams = Readonly<Record<string, ApiParamValue>>;

// MediaWiki's escape for multi-value parameters whose values contain "|".
const MULTI_VALUE_SEPARATOR = "\u001f";

/**
 * Encodes parameters the way the API reads them: `true` is sent as an empty
 * value (presence means true), `false`/null/undefined are left out, lists are
 * joined with "|". `token` goes last so a truncated request fails instead of
 * acting on partial input.
 */
export function encodeApiParams(params: ApiParams): URLSearchParams {
  const encoded = new URLSearchParams();
  const entries = Object.entries(params).sort(([a], [b]) => Number(a === "token") - Number(b === "token"));
  for (const [name, value] of entries) {
    if (value === undefined || value === null || value === false) continue;
    encoded.append(name, encodeValue(value));
  }
  return encoded;
}

function encodeValue(value: Exclude<ApiParamValue, null | undefined | false>): string {
  if (value === true) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  const items = value.map(String);
  return items.some((item) => item.includes("|"))
    ? MULTI_VALUE_SEPARATOR + items.join(MULTI_VALUE_SEPARATOR)
    : items.join("|");
}
