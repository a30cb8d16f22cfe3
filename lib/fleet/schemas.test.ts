import { describe, expect, it } from "vitest";
import { containerParamsSchema, containersQuerySchema } from "./schemas";

describe("containersQuerySchema", () => {
  it("splits comma lists and trims the parts", () => {
    expect(containersQuerySchema.parse({ state: "exited,dead", host: " alpha , bravo,", q: "web" })).toEqual({
      state: ["exited", "dead"],
      host: ["alpha", "bravo"],
      q: "web",
    });
    expect(containersQuerySchema.parse({})).toEqual({});
  });

  it("rejects an unknown state, naming the state field", () => {
    const result = containersQuerySchema.safeParse({ state: "running,crashed" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["state"]);
  });

  it("rejects a host that is not a slug", () => {
    const result = containersQuerySchema.safeParse({ host: "alpha,Bravo_1" });
    expect(result.error?.issues[0]?.path[0]).toBe("host");
    expect(result.error?.issues[0]?.message).toContain("host id");
  });

  it("rejects unknown query keys", () => {
    const result = containersQuerySchema.safeParse({ state: "running", status: "running" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("status");
  });

  it("rejects a search text over 200 characters", () => {
    expect(containersQuerySchema.safeParse({ q: "x".repeat(200) }).success).toBe(true);
    expect(containersQuerySchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
  });
});

describe("containerParamsSchema", () => {
  it.each([
    "shop-web-1",
    "billing_api.v2",
    "9f1c2ab34de5",
    "9f1c2ab34de5f67890a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607",
  ])("accepts the name or id %s", (nameOrId) => {
    expect(containerParamsSchema.parse({ hostId: "alpha", nameOrId })).toEqual({ hostId: "alpha", nameOrId });
  });

  it.each(["../etc/passwd", "shop/web", "shop web", "/shop-web-1", "-web", ""])(
    "rejects the name %j",
    (nameOrId) => {
      const result = containerParamsSchema.safeParse({ hostId: "alpha", nameOrId });
      expect(result.error?.issues[0]?.path).toEqual(["nameOrId"]);
    },
  );

  it("rejects a bad host id and extra params", () => {
    expect(
      containerParamsSchema.safeParse({ hostId: "Alpha", nameOrId: "web" }).error?.issues[0]?.path,
    ).toEqual(["hostId"]);
    expect(containerParamsSchema.safeParse({ hostId: "alpha", nameOrId: "web", tail: "10" }).success).toBe(
      false,
    );
  });
});
