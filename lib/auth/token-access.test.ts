import { describe, expect, it } from "vitest";
import { tokenAccess, type TokenState } from "./token-access";

const at = Date.parse("2025-03-01T12:00:00.000Z");
const userToken = (patch: Partial<TokenState> = {}): TokenState => ({
  role: "admin",
  expiresAt: null,
  revokedAt: null,
  serviceOwner: null,
  owner: { role: "admin", disabledAt: null },
  ...patch,
});

describe("tokenAccess", () => {
  it("caps a user token at its owner's role, and never raises it", () => {
    expect(tokenAccess(userToken(), at)).toEqual({ ok: true, role: "admin" });
    expect(tokenAccess(userToken({ owner: { role: "viewer", disabledAt: null } }), at)).toEqual({
      ok: true,
      role: "viewer",
    });
    expect(tokenAccess(userToken({ role: "viewer" }), at)).toEqual({ ok: true, role: "viewer" });
  });

  it("refuses a user token while its owner is disabled, and once they are gone", () => {
    const disabled = { role: "admin", disabledAt: "2025-03-01T11:00:00.000Z" } as const;
    expect(tokenAccess(userToken({ owner: disabled }), at)).toEqual({ ok: false, reason: "user disabled" });
    expect(tokenAccess(userToken({ owner: null }), at)).toEqual({ ok: false, reason: "user deleted" });
  });

  it("keeps a service token's own role whoever made it", () => {
    expect(tokenAccess(userToken({ serviceOwner: "platform team", owner: null }), at)).toEqual({
      ok: true,
      role: "admin",
    });
  });

  it("refuses a revoked or expired token first, service tokens included", () => {
    const service = { serviceOwner: "platform team", owner: null };
    expect(tokenAccess(userToken({ ...service, revokedAt: "2025-03-01T11:00:00.000Z" }), at)).toEqual({
      ok: false,
      reason: "token revoked",
    });
    expect(tokenAccess(userToken({ owner: null, expiresAt: "2025-03-01T12:00:00.000Z" }), at)).toEqual({
      ok: false,
      reason: "token expired",
    });
  });
});
