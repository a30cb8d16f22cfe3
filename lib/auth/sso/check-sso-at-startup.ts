import "server-only";
import { ssoConfig } from "./current-sso-config";

/**
 * A broken WHARF_OIDC_* setting stops the server with one line naming it, rather than a sign-in button that
 * fails for every user later. The provider itself is not asked here: it may well be down while Wharf starts.
 */
export function checkSsoAtStartup(): void {
  try {
    const config = ssoConfig();
    if (config === null) return;
    const groups = [...config.teams.keys()].length;
    console.log(
      `[wharf] single sign-on: ${config.issuer.href} ("Sign in with ${config.name}"), ${groups} group(s) mapped to teams`,
    );
  } catch (error) {
    console.error(`[wharf] ${(error as Error).message}`);
    process.exit(1);
  }
}
