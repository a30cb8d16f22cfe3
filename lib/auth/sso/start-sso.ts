import "server-only";
import * as client from "openid-client";
import { safeNextPath } from "../login-redirect";
import { callbackUrl } from "./callback-url";
import { ssoConfig } from "./current-sso-config";
import { describeError } from "./describe-error";
import { loginPageWithFailure } from "./login-page-with-failure";
import { oidcConfiguration } from "./oidc-configuration";
import { pendingCookie } from "./pending-sign-in";
import { requireSso } from "./require-sso";
import { seeOther } from "./see-other";

/**
 * Sends the browser to the provider's sign-in (authorization code with PKCE), remembering in this browser what
 * the callback must see again: the state, the nonce, the code verifier, and the page to come back to.
 */
export async function startSso(request: Request, query: { next?: string }): Promise<Response> {
  const config = requireSso(ssoConfig());
  const next = safeNextPath(query.next);
  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration(config);
  } catch (error) {
    console.error(
      `[wharf] single sign-on: ${config.issuer.href} cannot be discovered: ${describeError(error)}`,
    );
    return seeOther(loginPageWithFailure("unavailable", next));
  }
  const verifier = client.randomPKCECodeVerifier();
  const pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next,
    redirectUri: callbackUrl(request),
    at: Date.now(),
  };
  const authorization = client.buildAuthorizationUrl(configuration, {
    redirect_uri: pending.redirectUri,
    scope: config.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return seeOther(authorization.href, [pendingCookie(request, pending)]);
}
