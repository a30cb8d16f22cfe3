import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { onAccessChange, concerns, type AccessChange } from "./access-changes";
import { authenticateToken } from "./authenticate-token";
import { createToken, type TokenMaker } from "./create-token";
import type { AuthTables } from "./db/auth-tables";
import { deleteUser } from "./delete-user";
import { listAudit } from "./list-audit";
import { listTokens } from "./list-tokens";
import { recheckPrincipal } from "./recheck-principal";
import { emptyAuthTables, insertTestUser, testClock } from "./test-user";
import type { User } from "./types";
import { updateUser } from "./update-user";

describe.each(dialects)("token owners on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let clock: ReturnType<typeof testClock>;
  let alice: User;
  let announced: AccessChange[];
  let unsubscribe: () => void;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(db);
    clock = testClock();
    alice = await insertTestUser(db, { username: "alice", role: "admin" });
    // Another admin, so alice may be demoted, disabled and deleted.
    await insertTestUser(db, { username: "keeper", role: "admin" });
    announced = [];
    unsubscribe = onAccessChange((change) => announced.push(change));
  });
  afterEach(() => unsubscribe());

  const asAlice = (): TokenMaker => ({ kind: "user", name: "alice", userId: alice.id });
  async function make(name: string, maker: TokenMaker = asAlice(), serviceOwner?: string) {
    const { token, info } = await createToken(
      db,
      { name, role: "admin", serviceOwner },
      maker,
      undefined,
      clock,
    );
    return { token, info, principal: () => authenticateToken(db, token, undefined, clock) };
  }
  const detailsOf = async (action: string) =>
    (await listAudit(db)).filter((e) => e.action === action).map((e) => `${e.target}: ${e.detail}`);

  describe("a user token", () => {
    it("acts with at most its owner's role, at once after a demotion, and ends streams needing more", async () => {
      const { principal } = await make("deploy");
      const before = (await principal())!;
      expect(before).toMatchObject({ role: "admin", ownerId: alice.id });
      await updateUser(db, alice.id, { role: "operator" }, "keeper");
      expect(await principal()).toMatchObject({ role: "operator" });
      expect((await listTokens(db, clock()))[0]).toMatchObject({ role: "admin", effectiveRole: "operator" });
      expect(await recheckPrincipal(db, before, "admin", clock)).toBe("role changed");
      expect(await recheckPrincipal(db, before, "operator", clock)).toBeNull();
      // The announcement for alice reaches her token's open streams.
      expect(announced.filter((change) => concerns(change, before))).toEqual([
        { userId: alice.id, reason: "role changed" },
      ]);
      expect(await detailsOf("user-updated")).toEqual([
        "alice: role: admin → operator; 1 API token acts as operator at most",
      ]);
    });

    it("is refused while its owner is disabled, and works again when they are enabled", async () => {
      const { principal } = await make("deploy");
      const before = (await principal())!;
      await updateUser(db, alice.id, { disabled: true }, "keeper");
      expect(await principal()).toBeNull();
      expect(await recheckPrincipal(db, before, "viewer", clock)).toBe("user disabled");
      expect((await listTokens(db, clock()))[0]).toMatchObject({
        effectiveRole: null,
        owner: { kind: "user", username: "alice", active: false },
      });
      await updateUser(db, alice.id, { disabled: false }, "keeper");
      expect(await principal()).toMatchObject({ role: "admin" });
      expect(await detailsOf("user-updated")).toEqual([
        "alice: enabled; 1 API token in force again",
        "alice: disabled; 1 API token refused while disabled",
      ]);
    });

    it("is revoked, and audited, when its owner is deleted; a token made with it belonged to them too", async () => {
      const parent = await make("deploy");
      const ownerId = (await parent.principal())!.ownerId;
      const child = await make("nightly", { kind: "token", name: "deploy", ownerId });
      expect(child.info.owner).toMatchObject({ kind: "user", username: "alice" });
      const before = (await child.principal())!;
      await deleteUser(db, alice.id, "keeper");
      expect(await parent.principal()).toBeNull();
      expect(await child.principal()).toBeNull();
      expect(await recheckPrincipal(db, before, "viewer", clock)).toBe("token revoked");
      expect((await listTokens(db, clock())).map((t) => [t.name, t.revokedAt !== null, t.owner])).toEqual([
        ["nightly", true, { kind: "user", userId: alice.id, username: null, active: false }],
        ["deploy", true, { kind: "user", userId: alice.id, username: null, active: false }],
      ]);
      expect((await detailsOf("token-revoked")).sort()).toEqual([
        "deploy: its owner alice was deleted",
        "nightly: its owner alice was deleted",
      ]);
    });
  });

  describe("a service token", () => {
    it("names its owner, keeps its role and outlives the admin who made it", async () => {
      const { info, principal } = await make("backup", asAlice(), "  Platform team ");
      expect(info).toMatchObject({
        owner: { kind: "service", name: "Platform team" },
        effectiveRole: "admin",
      });
      expect(await principal()).not.toHaveProperty("ownerId");
      await updateUser(db, alice.id, { role: "viewer" }, "keeper");
      await deleteUser(db, alice.id, "keeper");
      expect(await principal()).toMatchObject({ role: "admin" });
      expect(await detailsOf("token-created")).toEqual([
        "backup: role: admin, expires: never, service token, owner: Platform team",
      ]);
    });

    it("cannot make a user token (it has no user to give it), and a blank or multi-line owner is refused", async () => {
      const maker: TokenMaker = (await (await make("backup", asAlice(), "Platform team")).principal())!;
      await expect(make("child", maker)).rejects.toMatchObject({
        code: "VALIDATION",
        message: expect.stringMatching(/^serviceOwner: backup is a service token/),
      });
      expect((await make("child", maker, "Platform team")).info.owner).toEqual({
        kind: "service",
        name: "Platform team",
      });
      await expect(make("blank", asAlice(), "  ")).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(make("lines", asAlice(), "team\nadmin")).rejects.toMatchObject({
        message: "serviceOwner: must not contain control characters",
      });
    });
  });
});
