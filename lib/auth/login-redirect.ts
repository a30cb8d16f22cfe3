/** Where a signed-out browser is sent, and where it goes back to afterwards. Shared by client and server. */
export const LOGIN_PATH = "/login";

export function isLoginPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`);
}

/** The sign-in page's address that comes back to `current` (a path with its query) once signed in. */
export function loginHref(current: string): string {
  const next = safeNextPath(current);
  return next === "/" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

// Any origin works as a base: only whether the parsed URL stays on it matters.
const BASE = "http://wharf.invalid";

/**
 * `next` comes from the address bar, so anyone can craft it: only a path on this site passes, else "/".
 * "//evil.example" and "/\evil.example" are other sites to a browser, and the URL parser drops tabs and
 * newlines ("/\t/evil.example"), so the check runs on what the browser would actually navigate to.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Back to the sign-in page would only ask again.
  return path.startsWith("//") || isLoginPath(url.pathname) ? "/" : path;
}
