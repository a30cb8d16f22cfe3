import "server-only";

export const CALLBACK_PATH = "/api/auth/oidc/callback";

/**
 * The redirect URI the provider sends the browser back to: at WHARF_PUBLIC_URL behind a proxy, else at the
 * address this browser used (the start script's guard lets only Wharf's own Host names through), so the
 * pending sign-in's cookie, set on that host, comes back with it. Register each such URI at the provider.
 */
export function callbackUrl(request: Request, env: Record<string, string | undefined> = process.env): string {
  const publicUrl = env.WHARF_PUBLIC_URL?.trim();
  const host = request.headers.get("host");
  const origin = publicUrl
    ? new URL(publicUrl).origin
    : host
      ? `http://${host}`
      : new URL(request.url).origin;
  return new URL(CALLBACK_PATH, origin).href;
}
