import "server-only";
import { z } from "zod";
import { parseTeamMap, type TeamMap } from "./team-mapping";

export type SsoConfig = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The top-level claim (of the ID token, else of userinfo) that lists the user's groups. */
  groupsClaim: string;
  scopes: string;
  teams: TeamMap;
  /** The sign-in button says "Sign in with <name>". */
  name: string;
};

const REQUIRED = ["WHARF_OIDC_ISSUER", "WHARF_OIDC_CLIENT_ID", "WHARF_OIDC_CLIENT_SECRET"] as const;

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `must not be empty`)
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, `${what} must not contain control characters`);

const envSchema = z.object({
  WHARF_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  WHARF_OIDC_CLIENT_ID: text("the client id", 256),
  WHARF_OIDC_CLIENT_SECRET: text("the client secret", 1024),
  WHARF_OIDC_GROUPS_CLAIM: z
    .string()
    .regex(/^[\w:.\-/]{1,128}$/, "must be a claim name (letters, digits, _ : . - /)")
    .default("groups"),
  WHARF_OIDC_SCOPES: z
    .string()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      "must be scopes separated by single spaces",
    )
    .refine((scopes) => scopes.split(" ").includes("openid"), 'must include "openid"')
    .default("openid profile email"),
  WHARF_OIDC_NAME: text("the name", 40).default("single sign-on"),
});

/**
 * Single sign-on's settings, or null when none is given. Any WHARF_OIDC_* variable turns it on, so a half-made
 * configuration fails loudly (naming what is missing or wrong) instead of leaving the button silently absent.
 * The issuer is the admin's to choose, loopback included (a provider on the same machine); plain http only
 * there, because the client secret and the codes travel to it.
 */
export function parseSsoConfig(env: Record<string, string | undefined>): SsoConfig | null {
  const given = Object.entries(env).filter(
    ([name, value]) => name.startsWith("WHARF_OIDC_") && value?.trim(),
  );
  if (given.length === 0) return null;
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0)
    throw new Error(
      `Single sign-on needs ${missing.join(", ")} too (${given.map(([n]) => n).join(", ")} set)`,
    );
  const result = envSchema.safeParse(
    Object.fromEntries(Object.keys(envSchema.shape).map((name) => [name, env[name]?.trim() || undefined])),
  );
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new Error(`Invalid single sign-on settings: ${issues}`);
  }
  const settings = result.data;
  const issuer = new URL(settings.WHARF_OIDC_ISSUER);
  if (issuer.protocol === "http:" && !isLoopback(issuer.hostname))
    throw new Error(
      `Invalid single sign-on settings: WHARF_OIDC_ISSUER must be https:// (plain http only on loopback), not ${issuer.href}`,
    );
  if (issuer.search || issuer.hash)
    throw new Error(`Invalid single sign-on settings: WHARF_OIDC_ISSUER must have no query or fragment`);
  let teams: TeamMap;
  try {
    teams = parseTeamMap(env.WHARF_OIDC_TEAMS);
  } catch (error) {
    throw new Error(`Invalid single sign-on settings: WHARF_OIDC_TEAMS ${(error as Error).message}`);
  }
  return {
    issuer,
    clientId: settings.WHARF_OIDC_CLIENT_ID,
    clientSecret: settings.WHARF_OIDC_CLIENT_SECRET,
    groupsClaim: settings.WHARF_OIDC_GROUPS_CLAIM,
    scopes: settings.WHARF_OIDC_SCOPES,
    teams,
    name: settings.WHARF_OIDC_NAME,
  };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
