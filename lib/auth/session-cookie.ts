import "server-only";
import { SESSION_COOKIE } from "@/lib/auth/authenticate-request";

/** HttpOnly keeps scripts away from it; Strict keeps other sites from sending it; Secure once served over HTTPS. */
export function sessionCookie(request: Request, token: string, expiresAt: string | null): string {
  const expiry = expiresAt === null ? "Max-Age=0" : `Expires=${new Date(expiresAt).toUTCString()}`;
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; ${expiry}${servedOverHttps(request) ? "; Secure" : ""}`;
}

export function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
