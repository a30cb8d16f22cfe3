import { NextResponse, type NextRequest } from "next/server";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next marks its own scripts with it, and no
 * other script can run — so a container label or log line that smuggles in markup cannot execute anything.
 * Styles stay 'unsafe-inline' because React's style attributes (the virtualised table's row positions) need it.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Prefetches included: a prefetch of a page that is not cached yet is answered with the page's HTML, and every
// HTML answer needs the policy. /api stays out: Next would buffer each request body for proxy.ts to read; so does
// /metrics, an API answer too (the route wrapper checks its caller), scraped every few seconds.
export const config = {
  matcher: ["/((?!api/|metrics$|_next/static|_next/image|favicon.ico).*)"],
};
