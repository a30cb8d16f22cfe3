import "server-only";
import { z } from "zod";
import { readCookie } from "../authenticate-request";
import { servedOverHttps } from "../session-cookie";

/**
 * A sign-in between Wharf's redirect to the provider and the provider's redirect back: its state, nonce and
 * PKCE verifier, kept in this browser (not in one server's memory, so any replica can finish it). HttpOnly, sent
 * only to /api/auth/oidc, and SameSite=Lax: the provider's redirect back is a top-level GET from another site,
 * which Lax lets through and Strict would not. Nothing in it is a credential by itself: without the provider's
 * code for this very state, it signs nobody in.
 */
export const PENDING_COOKIE = "wharf_oidc";
const PENDING_PATH = "/api/auth/oidc";
/** How long a person may spend at the provider's pages. */
export const PENDING_MAX_AGE_MS = 10 * 60_000;

const pendingSchema = z
  .object({
    state: z.string().min(16).max(256),
    nonce: z.string().min(16).max(256),
    verifier: z.string().min(43).max(128),
    next: z.string().max(2048),
    redirectUri: z.string().max(2048),
    at: z.number().int(),
  })
  .strict();
export type PendingSignIn = z.infer<typeof pendingSchema>;

export function pendingCookie(request: Request, pending: PendingSignIn): string {
  const value = Buffer.from(JSON.stringify(pending)).toString("base64url");
  return `${PENDING_COOKIE}=${value}; ${attributes(request)}; Max-Age=${PENDING_MAX_AGE_MS / 1000}`;
}

/** Every answer of the callback sends this: a pending sign-in is finished once, whatever the outcome. */
export function clearedPendingCookie(request: Request): string {
  return `${PENDING_COOKIE}=; ${attributes(request)}; Max-Age=0`;
}

const attributes = (request: Request) =>
  `Path=${PENDING_PATH}; HttpOnly; SameSite=Lax${servedOverHttps(request) ? "; Secure" : ""}`;

/** The pending sign-in this browser holds; "expired" past its 10 minutes; null for none, or one not ours. */
export function readPendingSignIn(request: Request, now: number): PendingSignIn | "expired" | null {
  const raw = readCookie(request.headers.get("cookie"), PENDING_COOKIE);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const result = pendingSchema.safeParse(parsed);
  if (!result.success) return null;
  return now - result.data.at > PENDING_MAX_AGE_MS ? "expired" : result.data;
}
