// XML 1.0 allows tab, LF, CR and most of Unicode; anything else (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) makes the whole document ill-formed, and wiki summaries can contain them.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe to put in an XML document (the builder escapes markup; this removes what cannot be escaped). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}
