import "server-only";
import { getDb } from "@/lib/history/db";
import { authenticateSession } from "./authenticate-session";
import { authenticateToken } from "./authenticate-token";
import type { Principal } from "./types";

/** The cookie holding a browser's session token. Set it HttpOnly, SameSite=Lax, Secure over HTTPS, Path=/. */
export const SESSION_COOKIE = "wharf_session";

/**
 * Who sent the request: an API token from `Authorization: Bearer …`, else the session cookie; null for nobody.
 * An Authorization header decides alone: a bad token fails rather than falling back to whatever session cookie
 * the same client happens to carry.
 */
export async function authenticateRequest(request: Request): Promise<Principal | null> {
  const db = getDb();
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
    return bearer === undefined ? null : authenticateToken(db, bearer, clientAddress(request));
  }
  const session = readSessionToken(request);
  return session === undefined ? null : authenticateSession(db, session);
}

/** The session token the browser sent, if any. */
export function readSessionToken(request: Request): string | undefined {
  return readCookie(request.headers.get("cookie"), SESSION_COOKIE);
}

/**
 * The client's address, for sign-in throttling and the audit log. Next gives route handlers no socket address,
 * and it fills x-forwarded-for from the socket only when the client sent none, so every forwarding header is
 * the client's to forge. They are believed only with WHARF_TRUST_PROXY=1, meaning one reverse proxy in front
 * that sets them: its x-forwarded-for entry (the last one), else x-real-ip. Without a proxy every client is
 * "local", so failed sign-ins from anyone count against one shared address key.
 */
export function clientAddress(
  request: Request,
  env: Record<string, string | undefined> = process.env,
): string {
  if (env.WHARF_TRUST_PROXY !== "1") return "local";
  const forwarded = request.headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .at(-1);
  const address = forwarded ?? request.headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, 64) : "unknown";
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const separator = part.indexOf("=");
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
