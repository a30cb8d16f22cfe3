import "server-only";
import { authDatabase } from "../auth-database";
import { clientAddress } from "../authenticate-request";
import { safeNextPath } from "../login-redirect";
import { recordAudit } from "../db/record-audit";
import { sessionCookie } from "../session-cookie";
import { ssoConfig } from "./current-sso-config";
import { loginPageWithFailure } from "./login-page-with-failure";
import { clearedPendingCookie, readPendingSignIn } from "./pending-sign-in";
import { requireSso } from "./require-sso";
import { seeOther } from "./see-other";
import { signInSsoUser } from "./sign-in-sso-user";
import { SsoFailure } from "./sso-failures";
import { verifyCallback } from "./verify-callback";

/**
 * The provider's redirect back: on success the session cookie is set exactly as a password sign-in sets it and
 * the browser goes to the page it asked for; on any failure, to the sign-in page saying why, with no session,
 * and a `login-failed` in the audit log. Either way the pending sign-in is spent.
 */
export async function finishSso(request: Request): Promise<Response> {
  const config = requireSso(ssoConfig());
  const now = Date.now();
  const pending = readPendingSignIn(request, now);
  // Checked again here: the cookie comes back from the browser, and a page may not send anyone off-site.
  const next = safeNextPath(pending !== null && pending !== "expired" ? pending.next : undefined);
  const spent = clearedPendingCookie(request);
  const address = clientAddress(request);
  const db = await authDatabase();
  try {
    const identity = await verifyCallback(config, new URL(request.url).search, pending);
    const userAgent = request.headers.get("user-agent")?.slice(0, 512) ?? null;
    const { session } = await signInSsoUser(db, identity, { address, userAgent }, now);
    return seeOther(next, [spent, sessionCookie(request, session.token, session.expiresAt)]);
  } catch (error) {
    if (!(error instanceof SsoFailure)) throw error;
    console.warn(`[wharf] single sign-on refused from ${address}: ${error.detail}`);
    await recordAudit(db, {
      actor: "anonymous",
      action: "login-failed",
      target: error.username,
      address,
      detail: `single sign-on: ${error.detail}`.slice(0, 500),
      at: new Date(now).toISOString(),
    });
    return seeOther(loginPageWithFailure(error.code, next), [spent]);
  }
}
