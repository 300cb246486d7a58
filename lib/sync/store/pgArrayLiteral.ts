/**
 * A column of a poll as a Postgres array literal ('{"a","b",NULL}'), the text pg would send for the
 * JS array, made here rather than when pg dispatches the statement: so the next batch's columns are
 * built while Postgres stores the current one, and without pg's two regex replaces per element.
 */
export function pgArrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ",";
    const value = values[i];
    if (value === null || value === undefined) {
      literal += "NULL";
      continue;
    }
    const text = typeof value === "string" ? value : String(value);
    literal += NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPED, "\\$&")}"` : `"${text}"`;
  }
  return `${literal}}`;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;
