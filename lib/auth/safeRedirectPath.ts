const BASE = "http://watchdeck.invalid";

/**
 * Where to send the user after sign-in or register: a path on this site, else "/". Anything that a
 * browser could read as another host is refused (`//evil`, `/\evil`, `https://…`): an open redirect
 * would let a link dressed as ours send people elsewhere once they trusted it enough to sign in.
 */
export function safeRedirectPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return "/";
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  // Browsers read "\" as "/" and drop tabs and newlines inside URLs, so "/\evil" and "/\t/evil" are "//evil".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  // Dot segments can collapse into "//" ("/..//evil"), so the normalised path is checked again.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in (or register) page that comes back to `path` afterwards. */
export function withNext(page: "/signin" | "/register", path: string | null | undefined): string {
  const next = safeRedirectPath(path);
  return next === "/" ? page : `${page}?next=${encodeURIComponent(next)}`;
}
