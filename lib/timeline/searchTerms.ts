/**
 * What a person typed into "Title or summary contains", as the terms every match must contain: words separated by
 * spaces, and "quoted phrases" kept together. Each term is a case-insensitive substring, accents as typed.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  // A quote left open runs to the end, as search boxes usually read it.
  for (const match of text.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const term = (match[1] ?? match[2] ?? "").replace(/\s+/g, " ").trim();
    if (term !== "" && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * Whether a trigram index can narrow a search for `term`: pg_trgm reads trigrams from runs of letters and digits,
 * so a term needs three of them in a row. A shorter one ("a", "C#") matches too widely to be worth an index anyway.
 */
export function trigramSearchable(term: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(term);
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
