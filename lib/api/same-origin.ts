import "server-only";
import { WharfError } from "@/lib/core/errors";
import { allowedOrigins } from "@/lib/core/listen-origins.mjs";

/**
 * A browser sends the session cookie along with any request, including one a hostile page makes it send. A
 * change made with a cookie must therefore come from Wharf's own pages: the browser says so in Origin (and
 * Sec-Fetch-Site), which a page cannot forge. The Origin must be Wharf's own — scheme, host and port, from
 * WHARF_PUBLIC_URL or the listening address — never merely equal to the Host header, which the client writes.
 *
 * `allowNonBrowser`: a request carrying neither header comes from no browser (curl, a script) and cannot have
 * been forged by a web page; signing in accepts it, changes made with a cookie do not need to.
 */
export function assertSameOrigin(
  request: Request,
  options: { allowNonBrowser?: boolean } = {},
  env: Record<string, string | undefined> = process.env,
): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (options.allowNonBrowser && site === null && origin === null) return;
  const ownOrigin = origin !== null && allowedOrigins(env).has(normalizedOrigin(origin));
  if (site === "same-origin" && (origin === null || ownOrigin)) return;
  if (site === null && ownOrigin) return;
  throw new WharfError("FORBIDDEN", "Cross-origin request refused: changes must come from Wharf's own pages");
}

/** "null" (a sandboxed or file page) and anything unparsable is nobody's origin. */
function normalizedOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return "null";
  }
}
