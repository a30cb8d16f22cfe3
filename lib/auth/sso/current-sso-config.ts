import "server-only";
import { parseSsoConfig, type SsoConfig } from "./sso-config";

/** Read from the environment on every call: cheap, and never stale in a test that starts servers with others. */
export function ssoConfig(): SsoConfig | null {
  return parseSsoConfig(process.env);
}
