import "server-only";

/**
 * Why a single sign-on ended without a session. Only the code travels (in the login page's `sso_error`), and the
 * page shows the message for it: a message from the address bar would let anyone write text on Wharf's page.
 */
export const ssoFailures = {
  state:
    "Single sign-on refused: the answer did not match the sign-in this browser started (wrong state). Nobody was signed in; start again.",
  expired:
    "Single sign-on refused: no sign-in was started from this browser in the last 10 minutes. Start again.",
  code: "Single sign-on refused: the identity provider did not accept the sign-in code (it expired or was used already). Start again.",
  token:
    "Single sign-on refused: the identity provider's ID token did not pass Wharf's checks (signature, issuer, audience, nonce or expiry). Nobody was signed in.",
  provider:
    "The identity provider ended the sign-in without signing you in (for example, access was denied there).",
  claims:
    "Single sign-on refused: the identity provider's answer lacks a subject, or its group claim is not a list of group names. Ask your administrator.",
  disabled: "This user is disabled in Wharf: ask an administrator.",
  unavailable:
    "The identity provider cannot be reached right now. Try again, or sign in with a Wharf password.",
} as const;
export type SsoFailureCode = keyof typeof ssoFailures;

export function ssoFailureMessage(code: string | null | undefined): string | null {
  return code && Object.hasOwn(ssoFailures, code) ? ssoFailures[code as SsoFailureCode] : null;
}

/** A sign-in that went wrong, with what the audit log and the server log should say beyond the code. */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFailureCode,
    readonly detail: string,
    readonly username: string | null = null,
  ) {
    super(`${code}: ${detail}`);
  }
}
