import "server-only";
import { LOGIN_PATH } from "../login-redirect";
import type { SsoFailureCode } from "./sso-failures";

/** The sign-in page, saying why single sign-on failed, and still going back to `next` afterwards. */
export function loginPageWithFailure(code: SsoFailureCode, next: string): string {
  const query = new URLSearchParams({ sso_error: code });
  if (next !== "/") query.set("next", next);
  return `${LOGIN_PATH}?${query}`;
}
