import { describe, expect, it } from "vitest";
import { parseSsoConfig } from "./sso-config";

const base = {
  WHARF_OIDC_ISSUER: "https://id.example.com/realms/corp",
  WHARF_OIDC_CLIENT_ID: "wharf",
  WHARF_OIDC_CLIENT_SECRET: "s3cret",
};

describe("parseSsoConfig", () => {
  it("is off (null) when no WHARF_OIDC_* variable is set, or only empty ones", () => {
    expect(parseSsoConfig({ PORT: "3000" })).toBeNull();
    expect(parseSsoConfig({ WHARF_OIDC_ISSUER: "  ", WHARF_OIDC_TEAMS: "" })).toBeNull();
  });

  it("reads the settings, with the defaults for the claim, the scopes and the button's name", () => {
    const config = parseSsoConfig({ ...base, WHARF_OIDC_TEAMS: "wharf-shop=shop,wharf-ops=ops" })!;
    expect(config.issuer.href).toBe("https://id.example.com/realms/corp");
    expect(config).toMatchObject({
      clientId: "wharf",
      clientSecret: "s3cret",
      groupsClaim: "groups",
      scopes: "openid profile email",
      name: "single sign-on",
    });
    expect([...config.teams]).toEqual([
      ["wharf-shop", ["shop"]],
      ["wharf-ops", ["ops"]],
    ]);
  });

  it("takes a claim, scopes and a name of the admin's", () => {
    const config = parseSsoConfig({
      ...base,
      WHARF_OIDC_GROUPS_CLAIM: "wharf_groups",
      WHARF_OIDC_SCOPES: "openid profile groups",
      WHARF_OIDC_NAME: "Corp ID",
    })!;
    expect(config).toMatchObject({
      groupsClaim: "wharf_groups",
      scopes: "openid profile groups",
      name: "Corp ID",
    });
  });

  it("names the variables missing from a half-made configuration", () => {
    expect(() => parseSsoConfig({ WHARF_OIDC_ISSUER: base.WHARF_OIDC_ISSUER })).toThrow(
      "Single sign-on needs WHARF_OIDC_CLIENT_ID, WHARF_OIDC_CLIENT_SECRET too (WHARF_OIDC_ISSUER set)",
    );
    expect(() => parseSsoConfig({ WHARF_OIDC_NAME: "Corp ID" })).toThrow(
      "needs WHARF_OIDC_ISSUER, WHARF_OIDC_CLIENT_ID, WHARF_OIDC_CLIENT_SECRET",
    );
  });

  it("accepts plain http for a loopback issuer only", () => {
    for (const issuer of ["http://127.0.0.1:9000", "http://localhost:9000/oidc", "http://[::1]:9000"])
      expect(parseSsoConfig({ ...base, WHARF_OIDC_ISSUER: issuer })?.issuer.href).toContain(":9000");
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_ISSUER: "http://id.example.com" })).toThrow(
      "WHARF_OIDC_ISSUER must be https:// (plain http only on loopback), not http://id.example.com/",
    );
  });

  it("names each bad value", () => {
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_ISSUER: "ftp://id.example.com" })).toThrow(
      "WHARF_OIDC_ISSUER must be an http(s) URL",
    );
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_SCOPES: "profile email" })).toThrow(
      'WHARF_OIDC_SCOPES must include "openid"',
    );
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_GROUPS_CLAIM: "groups claim" })).toThrow(
      "WHARF_OIDC_GROUPS_CLAIM must be a claim name",
    );
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_NAME: "x".repeat(41) })).toThrow(
      "WHARF_OIDC_NAME must be at most 40 characters",
    );
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_TEAMS: "wharf-shop=shop,ops" })).toThrow(
      'WHARF_OIDC_TEAMS pair 2 ("ops") must be GROUP=TEAM',
    );
    expect(() => parseSsoConfig({ ...base, WHARF_OIDC_TEAMS: "wharf-shop=shop/team" })).toThrow(
      'WHARF_OIDC_TEAMS pair 1 ("wharf-shop=shop/team"): the team must be 1 to 64 letters',
    );
  });
});
