import "server-only";
import * as client from "openid-client";
import type { SsoConfig } from "./sso-config";

let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

/**
 * The provider's metadata and keys, discovered once per process and settings. A failed discovery is forgotten,
 * so the next sign-in asks again rather than failing until a restart.
 */
export function oidcConfiguration(config: SsoConfig): Promise<client.Configuration> {
  const key = `${config.issuer.href} ${config.clientId} ${config.clientSecret}`;
  if (cached?.key === key) return cached.configuration;
  const configuration = client.discovery(
    config.issuer,
    config.clientId,
    { client_secret: config.clientSecret },
    client.ClientSecretBasic(config.clientSecret),
    {
      // Only a loopback issuer may be plain http (parseSsoConfig): a provider on the same machine.
      execute: config.issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
  cached = { key, configuration };
  configuration.catch(() => {
    if (cached?.configuration === configuration) cached = undefined;
  });
  return configuration;
}
