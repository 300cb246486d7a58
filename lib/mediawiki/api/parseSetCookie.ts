export interface SetCookie {
  name: string;
  value: string;
  /** Lower-cased Domain attribute without a leading dot, or null for a host-only cookie. */
  domain: string | null;
  path: string | null;
  /** Absolute expiry in epoch ms, or null for a session cookie. Max-Age wins over Expires. */
  expiresAt: number | null;
  secure: boolean;
}

/** Parses one Set-Cookie header value (RFC 6265 section 5.2, the parts a non-browser needs). */
export function parseSetCookie(header: string, now: number): SetCookie | null {
  const [pair = "", ...attributes] = header.split(";");
  const equals = pair.indexOf("=");
  if (equals <= 0) return null;
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  if (name === "") return null;

  const cookie: SetCookie = { name, value, domain: null, path: null, expiresAt: null, secure: false };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const separator = attribute.indexOf("=");
    const key = (separator === -1 ? attribute : attribute.slice(0, separator)).trim().toLowerCase();
    const attributeValue = separator === -1 ? "" : attribute.slice(separator + 1).trim();
    switch (key) {
      case "max-age": {
        if (!/^-?\d+$/.test(attributeValue)) break;
        const seconds = Number(attributeValue);
        cookie.expiresAt = seconds <= 0 ? 0 : now + seconds * 1000;
        maxAgeSeen = true;
        break;
      }
      case "expires": {
        if (maxAgeSeen) break;
        const date = Date.parse(attributeValue);
        if (!Number.isNaN(date)) cookie.expiresAt = date;
        break;
      }
      case "domain": {
        const domain = attributeValue.replace(/^\./, "").toLowerCase();
        if (domain !== "") cookie.domain = domain;
        break;
      }
      case "path":
        cookie.path = attributeValue.startsWith("/") ? attributeValue : null;
        break;
      case "secure":
        cookie.secure = true;
        break;
    }
  }
  return cookie;
}
