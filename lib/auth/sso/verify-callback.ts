import "server-only";
import { timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import { describeError } from "./describe-error";
import { oidcConfiguration } from "./oidc-configuration";
import type { PendingSignIn } from "./pending-sign-in";
import type { SsoIdentity } from "./sign-in-sso-user";
import type { SsoConfig } from "./sso-config";
import { SsoFailure } from "./sso-failures";
import { readGroupsClaim, teamsForGroups } from "./team-mapping";

/**
 * Who the provider's answer (the callback's query) says signed in, checked: it answers the sign-in this
 * browser started (state), the code is exchanged with this sign-in's PKCE verifier, and the ID token is
 * validated (signature by the provider's keys, issuer, audience, expiry, this sign-in's nonce). SsoFailure
 * for each way it can fail.
 */
export async function verifyCallback(
  config: SsoConfig,
  search: string,
  pending: PendingSignIn | "expired" | null,
): Promise<SsoIdentity> {
  const params = new URLSearchParams(search);
  if (pending === null) throw new SsoFailure("expired", "no sign-in was pending in this browser");
  if (pending === "expired") throw new SsoFailure("expired", "the pending sign-in was older than 10 minutes");
  if (!sameText(params.get("state"), pending.state))
    throw new SsoFailure("state", "the state did not match the sign-in this browser started");
  const providerError = params.get("error");
  if (providerError !== null)
    throw new SsoFailure("provider", `the provider answered ${JSON.stringify(providerError.slice(0, 100))}`);

  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration(config);
  } catch (error) {
    throw new SsoFailure("unavailable", `discovery failed: ${describeError(error)}`);
  }
  // The redirect URI exactly as sent at the start: the token request must repeat it.
  const currentUrl = new URL(pending.redirectUri);
  currentUrl.search = search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw failureOf(error);
  }
  const claims = tokens.claims();
  if (!claims) throw new SsoFailure("token", "the provider sent no ID token");
  if (typeof claims.sub !== "string" || claims.sub === "" || claims.sub.length > 255)
    throw new SsoFailure("claims", "the ID token's subject is empty or too long");

  let profile: Record<string, unknown> = claims;
  // Many providers put scope claims (groups among them) in userinfo only, not in the ID token.
  if (claims[config.groupsClaim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
    try {
      profile = {
        ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)),
        ...claims,
      };
    } catch (error) {
      throw failureOf(error);
    }
  }
  const groups = readGroupsClaim(profile[config.groupsClaim]);
  if (!groups.ok) throw new SsoFailure("claims", `the "${config.groupsClaim}" claim ${groups.problem}`);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    suggestedName: firstString(profile.preferred_username, profile.email),
    teams: teamsForGroups(groups.groups, config.teams),
  };
}

// The provider answered, but not as a server that works answers (a 502 page from its proxy, say).
const UNREACHABLE = new Set(["OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON"]);

function failureOf(error: unknown): SsoFailure {
  if (error instanceof client.AuthorizationResponseError)
    return new SsoFailure("provider", `the provider answered "${error.error}"`);
  if (error instanceof client.ResponseBodyError)
    return error.error === "invalid_grant"
      ? new SsoFailure("code", `the provider refused the code: ${error.error_description ?? error.error}`)
      : new SsoFailure(
          "provider",
          `the token endpoint answered "${error.error}" (${error.error_description ?? ""})`,
        );
  // fetch's own failures (refused, reset, timed out) are TypeErrors and DOMExceptions, not the library's.
  if (!(error instanceof client.ClientError) || UNREACHABLE.has(error.code ?? ""))
    return new SsoFailure("unavailable", `the provider could not be reached: ${describeError(error)}`);
  return new SsoFailure("token", `the provider's answer failed validation: ${describeError(error)}`);
}

function sameText(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function firstString(...values: unknown[]): string | null {
  const found = values.find((value) => typeof value === "string" && value.trim() !== "");
  return typeof found === "string" ? found : null;
}
