import type { EntityDecoderOptions } from "fast-xml-parser";

/**
 * The entity decoder handed to fast-xml-parser. It knows exactly what plain
 * XML knows — the five predefined entities and numeric character references —
 * and nothing else:
 *
 * - MediaWiki escapes feed text with htmlspecialchars(), which writes &#039;
 *   for an apostrophe; fast-xml-parser's own decoder leaves numeric references
 *   alone unless htmlEntities is on, and that would also turn &nbsp; and
 *   friends into characters, which XML does not define.
 * - Entities declared in a DOCTYPE are refused outright, so no billion-laughs
 *   expansion can start (the parser also refuses any DOCTYPE before this).
 * - A reference to a character XML forbids (&#0;, surrogates, C0 controls) becomes U+FFFD.
 * - An unknown named reference stays as written.
 *
 * Decoding is one pass over the text, so its cost is linear in the input.
 */
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);/g;

export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (_match, ref: string) => {
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return isXmlChar(code) ? String.fromCodePoint(code) : "\uFFFD";
  });
}

// XML 1.0 §2.2 Char production.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export const xmlEntityDecoder: EntityDecoderOptions = {
  decode: decodeXmlEntities,
  addInputEntities(entities) {
    if (Object.keys(entities).length > 0) {
      throw new Error("entity declarations are not accepted");
    }
  },
  setExternalEntities() {
    // No external entities, ever.
  },
  reset() {
    // Stateless.
  },
  setXmlVersion() {
    // XML 1.1 would allow more control characters; MediaWiki writes 1.0 and so do we.
  },
};
