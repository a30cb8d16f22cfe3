import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/db/db";
import { onAccessChange, concerns, type AccessChange } from "./access-changes";
import { authenticateToken } from "./authenticate-token";
import { createToken, type TokenMaker } from "./create-token";
import { deleteUser } from "./delete-user";
import { listAudit } from "./list-audit";
import { listTokens } from "./list-tokens";
import { recheckPrincipal } from "./recheck-principal";
import { insertTestUser, testClock } from "./test-user";
import type { User } from "./types";
import { updateUser } from "./update-user";

let db: Db;
let clock: ReturnType<typeof testClock>;
let alice: User;
let announced: AccessChange[];
let unsubscribe: () => void;
beforeEach(async () => {
  db = openDb(":memory:");
  clock = testClock();
  alice = await insertTestUser(db, { username: "alice", role: "admin" });
  // Another admin, so alice may be demoted, disabled and deleted.
  await insertTestUser(db, { username: "keeper", role: "admin" });
  announced = [];
  unsubscribe = onAccessChange((change) => announced.push(change));
});
afterEach(() => {
  unsubscribe();
  db.close();
});

const asAlice = (): TokenMaker => ({ kind: "user", name: "alice", userId: alice.id });
function make(name: string, maker: TokenMaker = asAlice(), serviceOwner?: string) {
  const { token, info } = createToken(db, { name, role: "admin", serviceOwner }, maker, undefined, clock);
  return { token, info, principal: () => authenticateToken(db, token, undefined, clock) };
}
const detailsOf = (action: string) =>
  listAudit(db)
    .filter((e) => e.action === action)
    .map((e) => `${e.target}: ${e.detail}`);

describe("a user token", () => {
  it("acts with at most its owner's role, at once after a demotion, and ends streams needing more", async () => {
    const { principal } = make("deploy");
    const before = principal()!;
    expect(before).toMatchObject({ role: "admin", ownerId: alice.id });
    await updateUser(db, alice.id, { role: "operator" }, "keeper");
    expect(principal()).toMatchObject({ role: "operator" });
    expect(listTokens(db, clock())[0]).toMatchObject({ role: "admin", effectiveRole: "operator" });
    expect(recheckPrincipal(db, before, "admin", clock)).toBe("role changed");
    expect(recheckPrincipal(db, before, "operator", clock)).toBeNull();
    // The announcement for alice reaches her token's open streams.
    expect(announced.filter((change) => concerns(change, before))).toEqual([
      { userId: alice.id, reason: "role changed" },
    ]);
    expect(detailsOf("user-updated")).toEqual([
      "alice: role: admin → operator; 1 API token acts as operator at most",
    ]);
  });

  it("is refused while its owner is disabled, and works again when they are enabled", async () => {
    const { principal } = make("deploy");
    const before = principal()!;
    await updateUser(db, alice.id, { disabled: true }, "keeper");
    expect(principal()).toBeNull();
    expect(recheckPrincipal(db, before, "viewer", clock)).toBe("user disabled");
    expect(listTokens(db, clock())[0]).toMatchObject({
      effectiveRole: null,
      owner: { kind: "user", username: "alice", active: false },
    });
    await updateUser(db, alice.id, { disabled: false }, "keeper");
    expect(principal()).toMatchObject({ role: "admin" });
    expect(detailsOf("user-updated")).toEqual([
      "alice: enabled; 1 API token in force again",
      "alice: disabled; 1 API token refused while disabled",
    ]);
  });

  it("is revoked, and audited, when its owner is deleted; a token made with it belonged to them too", () => {
    const parent = make("deploy");
    const child = make("nightly", { kind: "token", name: "deploy", ownerId: parent.principal()!.ownerId });
    expect(child.info.owner).toMatchObject({ kind: "user", username: "alice" });
    const before = child.principal()!;
    deleteUser(db, alice.id, "keeper");
    expect(parent.principal()).toBeNull();
    expect(child.principal()).toBeNull();
    expect(recheckPrincipal(db, before, "viewer", clock)).toBe("token revoked");
    expect(listTokens(db, clock()).map((t) => [t.name, t.revokedAt !== null, t.owner])).toEqual([
      ["nightly", true, { kind: "user", userId: alice.id, username: null, active: false }],
      ["deploy", true, { kind: "user", userId: alice.id, username: null, active: false }],
    ]);
    expect(detailsOf("token-revoked").sort()).toEqual([
      "deploy: its owner alice was deleted",
      "nightly: its owner alice was deleted",
    ]);
  });
});

describe("a service token", () => {
  it("names its owner, keeps its role and outlives the admin who made it", async () => {
    const { info, principal } = make("backup", asAlice(), "  Platform team ");
    expect(info).toMatchObject({ owner: { kind: "service", name: "Platform team" }, effectiveRole: "admin" });
    expect(principal()).not.toHaveProperty("ownerId");
    await updateUser(db, alice.id, { role: "viewer" }, "keeper");
    deleteUser(db, alice.id, "keeper");
    expect(principal()).toMatchObject({ role: "admin" });
    expect(detailsOf("token-created")).toEqual([
      "backup: role: admin, expires: never, service token, owner: Platform team",
    ]);
  });

  it("cannot make a user token (it has no user to give it), and a blank or multi-line owner is refused", () => {
    const service = make("backup", asAlice(), "Platform team").principal()!;
    const maker: TokenMaker = service;
    expect(() => make("child", maker)).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        message: expect.stringMatching(/^serviceOwner: backup is a service token/),
      }),
    );
    expect(make("child", maker, "Platform team").info.owner).toEqual({
      kind: "service",
      name: "Platform team",
    });
    expect(() => make("blank", asAlice(), "  ")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => make("lines", asAlice(), "team\nadmin")).toThrow(
      expect.objectContaining({ message: "serviceOwner: must not contain control characters" }),
    );
  });
});
