/** What Next.js passes a page as `searchParams`. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A page's search params as URLSearchParams, repeated keys kept in order (wiki=…&wiki=…). */
export function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of [value ?? []].flat()) params.append(key, v);
  return params;
}
