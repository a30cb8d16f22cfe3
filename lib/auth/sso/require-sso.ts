import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { SsoConfig } from "./sso-config";

export function requireSso(config: SsoConfig | null): SsoConfig {
  if (config === null)
    throw new WharfError("NOT_FOUND", "Single sign-on is not configured: set WHARF_OIDC_ISSUER and the rest");
  return config;
}
