import "server-only";

/**
 * A 303 to `location`. A path stays a path: the browser resolves it against the address it used, which is the
 * host its cookies are on (Next's own idea of the request's URL may name another).
 */
export function seeOther(location: string, cookies: readonly string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
