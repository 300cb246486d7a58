/** A value as a short, printable description. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? "[…too deep to print…]" : "{…too deep to print…}";
  }
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return text.length > 60 ? `${shown} (${text.length} chars)` : shown;
}
