import { describe, expect, it } from "vitest";
import {
  describeScope,
  globMatches,
  grantsOf,
  reachesHost,
  roleOn,
  roleOnFleet,
  roleOnHost,
  scopeCovers,
  topRole,
  type Access,
} from "./access-rule";

const shopWeb = { hostId: "prod-1", project: "shop", name: "shop-web" };
const shopWebOn2 = { hostId: "prod-2", project: "shop", name: "shop-web" };
const blogOn1 = { hostId: "prod-1", project: "blog", name: "blog-web" };
const loose = { hostId: "prod-1", name: "scratch" };

describe("globMatches", () => {
  it("matches * and ? against the whole name, case-sensitively", () => {
    expect(globMatches("shop-*", "shop-web")).toBe(true);
    expect(globMatches("shop-*", "shop-")).toBe(true);
    expect(globMatches("shop-*", "myshop-web")).toBe(false);
    expect(globMatches("*-web", "shop-web")).toBe(true);
    expect(globMatches("shop-?eb", "shop-web")).toBe(true);
    expect(globMatches("shop-?eb", "shop-wweb")).toBe(false);
    expect(globMatches("Shop-*", "shop-web")).toBe(false);
    expect(globMatches("a*b*c", "axxbyyc")).toBe(true);
    expect(globMatches("a*b*c", "axxbyy")).toBe(false);
    expect(globMatches("*", "")).toBe(true);
  });
});

describe("scopeCovers", () => {
  it("ANDs the kinds and ORs the values of one kind", () => {
    const scope = { hosts: ["prod-1"], projects: ["shop", "blog"] };
    expect(scopeCovers(scope, shopWeb)).toBe(true);
    expect(scopeCovers(scope, blogOn1)).toBe(true);
    expect(scopeCovers(scope, shopWebOn2)).toBe(false);
    expect(scopeCovers(scope, loose)).toBe(false);
    expect(scopeCovers(null, loose)).toBe(true);
  });

  it("needs a service for a services scope, and a project for a projects scope", () => {
    expect(scopeCovers({ services: ["api"] }, { hostId: "m", name: "api.1.x", service: "api" })).toBe(true);
    expect(scopeCovers({ services: ["api"] }, { hostId: "m", name: "api" })).toBe(false);
    expect(scopeCovers({ projects: ["shop"] }, { hostId: "m", name: "shop-web", project: null })).toBe(false);
  });
});

describe("roleOn", () => {
  const viewerOnShop: Access = {
    grants: [
      { role: "viewer", scope: { projects: ["shop"] } },
      { role: "operator", scope: { hosts: ["prod-1"], names: ["shop-*"] } },
    ],
    cap: null,
  };

  it("is the highest role among the grants that cover the target, null where none does", () => {
    expect(roleOn(viewerOnShop, shopWeb)).toBe("operator");
    expect(roleOn(viewerOnShop, shopWebOn2)).toBe("viewer");
    expect(roleOn(viewerOnShop, blogOn1)).toBeNull();
    expect(roleOnFleet(viewerOnShop)).toBeNull();
    expect(topRole(viewerOnShop)).toBe("operator");
  });

  it("caps a token by its owner target by target", () => {
    const token: Access = {
      grants: [{ role: "operator", scope: null }],
      cap: [
        { role: "viewer", scope: null },
        { role: "operator", scope: { projects: ["shop"] } },
      ],
    };
    expect(roleOn(token, shopWeb)).toBe("operator");
    expect(roleOn(token, blogOn1)).toBe("viewer");
    expect(roleOnFleet(token)).toBe("viewer");
    const ownerSeesShopOnly: Access = {
      grants: token.grants,
      cap: [{ role: "admin", scope: { projects: ["shop"] } }],
    };
    expect(roleOn(ownerSeesShopOnly, shopWeb)).toBe("operator");
    expect(roleOn(ownerSeesShopOnly, blogOn1)).toBeNull();
  });

  it("counts a host-wide role only from grants on the fleet or on hosts alone", () => {
    const access: Access = {
      grants: [
        { role: "admin", scope: { hosts: ["prod-1"], projects: ["shop"] } },
        { role: "viewer", scope: { hosts: ["prod-2"] } },
      ],
      cap: null,
    };
    expect(roleOnHost(access, "prod-1")).toBeNull();
    expect(roleOnHost(access, "prod-2")).toBe("viewer");
    expect(reachesHost(access, "prod-1")).toBe(true);
    expect(reachesHost(access, "prod-3")).toBe(false);
  });
});

describe("grantsOf", () => {
  it("keeps the own role on the whole fleet unless the subject is scoped", () => {
    const grant = { role: "operator" as const, scope: { projects: ["shop"] } };
    expect(grantsOf({ role: "viewer", scoped: false, grants: [grant] })).toEqual([
      { role: "viewer", scope: null },
      grant,
    ]);
    expect(grantsOf({ role: "admin", scoped: true, grants: [grant] })).toEqual([grant]);
  });
});

describe("describeScope", () => {
  it("says what a grant covers in words", () => {
    expect(describeScope(null)).toBe("the whole fleet");
    expect(describeScope({ hosts: ["prod-1"], projects: ["shop"] })).toBe("project shop on prod-1");
    expect(describeScope({ names: ["shop-*", "api"] })).toBe("names shop-*, api");
  });
});
