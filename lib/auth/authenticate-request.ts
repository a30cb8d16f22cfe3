import "server-only";
import { CLIENT_ADDRESS_HEADER } from "@/lib/core/listen-origins.mjs";
import { authDatabase } from "./auth-database";
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
  const db = await authDatabase();
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
 * The client's address, for sign-in throttling and the audit log. Next gives route handlers no socket address, so
 * the start script (scripts/request-guard.mjs) writes it into CLIENT_ADDRESS_HEADER after dropping any such
 * header the client sent. Forwarding headers are the client's to forge: they are believed only with
 * WHARF_TRUST_PROXY=1, meaning one reverse proxy in front that sets them: its x-forwarded-for entry (the last
 * one), else x-real-ip. Under `next dev` nothing writes the header and every client is "local".
 */
export function clientAddress(
  request: Request,
  env: Record<string, string | undefined> = process.env,
): string {
  const socket = request.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "local";
  if (env.WHARF_TRUST_PROXY !== "1") return socket.slice(0, 64);
  const forwarded = request.headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .at(-1);
  const address = forwarded ?? request.headers.get("x-real-ip")?.trim();
  return (address || socket).slice(0, 64);
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const separator = part.indexOf("=");
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
