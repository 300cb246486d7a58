/** The API takes at most 50 titles per request from accounts without apihighlimits. */
export const TITLES_PER_REQUEST = 50;

export function inBatches<T>(items: readonly T[], size = TITLES_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Trimmed, non-empty, first occurrence kept. */
export function distinctTitles(titles: readonly string[]): string[] {
  return [...new Set(titles.map((title) => title.trim()).filter((title) => title.length > 0))];
}
