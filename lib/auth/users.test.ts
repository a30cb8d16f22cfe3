import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { authenticateSession } from "./authenticate-session";
import { createUser } from "./create-user";
import type { AuthTables } from "./db/auth-tables";
import { countUsers } from "./db/count-users";
import { listUsers } from "./db/list-users";
import { deleteUser } from "./delete-user";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { updateUser } from "./update-user";
import { TEST_PASSWORD, emptyAuthTables, insertTestUser } from "./test-user";
import { verifyPassword } from "./verify-password";

describe.each(dialects)("users on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(() => emptyAuthTables(db));

  async function caught(run: () => unknown): Promise<WharfError> {
    try {
      await run();
    } catch (error) {
      if (error instanceof WharfError) return error;
      throw error;
    }
    throw new Error("it did not throw");
  }
  const signIn = async (username: string, password = TEST_PASSWORD) =>
    (await login(db, { username, password, address: "10.0.0.1" })).token;

  describe("createUser", () => {
    it("stores a scrypt hash, never the password, and records who created the user", async () => {
      const user = await createUser(
        db,
        { username: "alice", password: "a long password", role: "operator" },
        "root",
        "10.0.0.1",
      );
      expect(user).toEqual({
        id: expect.any(Number),
        username: "alice",
        role: "operator",
        createdAt: expect.any(String),
        disabledAt: null,
        scoped: false,
      });
      const { password_hash: stored } = await db
        .selectFrom("users")
        .select("password_hash")
        .executeTakeFirstOrThrow();
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
      await expect(verifyPassword("a long password", stored)).resolves.toBe(true);
      expect((await listAudit(db))[0]).toMatchObject({
        action: "user-created",
        actor: "root",
        target: "alice",
        address: "10.0.0.1",
        detail: "role: operator",
      });
      expect(await countUsers(db)).toBe(1);
    });

    it("refuses a password under 12 characters, naming the field", async () => {
      const error = await caught(() =>
        createUser(db, { username: "alice", password: "short pass!", role: "viewer" }, "root"),
      );
      expect(error).toMatchObject({
        code: "VALIDATION",
        message: "password: must be at least 12 characters",
      });
      expect(error.details).toEqual({
        issues: [{ field: "password", message: "must be at least 12 characters" }],
      });
      expect(await countUsers(db)).toBe(0);
    });

    it("refuses a username that is not a slug, and a role that does not exist", async () => {
      const bad = await caught(() =>
        createUser(db, { username: "al ice", password: TEST_PASSWORD, role: "viewer" }, "root"),
      );
      expect(bad.message).toMatch(/^username: /);
      const role = await caught(() =>
        createUser(db, { username: "alice", password: TEST_PASSWORD, role: "root" as "admin" }, "root"),
      );
      expect(role.message).toMatch(/^role: /);
    });

    it("refuses a name already taken, whatever its case", async () => {
      await insertTestUser(db, { username: "alice" });
      const error = await caught(() =>
        createUser(db, { username: "ALICE", password: TEST_PASSWORD, role: "viewer" }, "root"),
      );
      expect(error).toMatchObject({ code: "CONFLICT", message: 'A user named "ALICE" already exists' });
    });
  });

  describe("listUsers", () => {
    it("lists users by name without their password hashes", async () => {
      await insertTestUser(db, { username: "carol", role: "viewer" });
      await insertTestUser(db, { username: "bob", role: "operator", disabled: true });
      const users = await listUsers(db);
      expect(users.map((u) => [u.username, u.role, u.disabledAt !== null])).toEqual([
        ["bob", "operator", true],
        ["carol", "viewer", false],
      ]);
      expect(Object.keys(users[0] ?? {}).sort()).toEqual([
        "createdAt",
        "disabledAt",
        "id",
        "role",
        "scoped",
        "username",
      ]);
    });
  });

  describe("updateUser", () => {
    it("changes the role and records what changed", async () => {
      await insertTestUser(db, { username: "root" });
      const bob = await insertTestUser(db, { username: "bob", role: "viewer" });
      expect(await updateUser(db, bob.id, { role: "operator" }, "root", "10.0.0.1")).toMatchObject({
        role: "operator",
      });
      expect((await listAudit(db))[0]).toMatchObject({
        action: "user-updated",
        target: "bob",
        detail: "role: viewer → operator",
      });
      await updateUser(db, bob.id, { role: "operator" }, "root");
      expect(await listAudit(db)).toHaveLength(1);
    });

    it("ends the user's sessions when the password changes, and the new one works", async () => {
      const bob = await insertTestUser(db, { username: "bob", role: "viewer" });
      const session = await signIn("bob");
      await updateUser(db, bob.id, { password: "a brand new password" }, "bob");
      expect(await authenticateSession(db, session)).toBeNull();
      expect((await listAudit(db))[0]?.detail).toBe("password changed");
      await expect(signIn("bob", "a brand new password")).resolves.toBeTypeOf("string");
      expect((await caught(() => updateUser(db, bob.id, { password: "too short" }, "bob"))).message).toMatch(
        /^password: /,
      );
    });

    it("disables a user, ending their sessions and refusing their sign-ins, until enabled again", async () => {
      await insertTestUser(db, { username: "root" });
      const bob = await insertTestUser(db, { username: "bob", role: "operator" });
      const session = await signIn("bob");
      expect((await updateUser(db, bob.id, { disabled: true }, "root")).disabledAt).not.toBeNull();
      expect(await authenticateSession(db, session)).toBeNull();
      expect((await caught(() => signIn("bob"))).code).toBe("UNAUTHORIZED");
      await updateUser(db, bob.id, { disabled: false }, "root");
      expect(await authenticateSession(db, session)).toBeNull();
      await expect(signIn("bob")).resolves.toBeTypeOf("string");
      expect((await listAudit(db)).filter((e) => e.action === "user-updated").map((e) => e.detail)).toEqual([
        "enabled",
        "disabled",
      ]);
    });

    it("throws NOT_FOUND for an unknown id", async () => {
      expect(await caught(() => updateUser(db, 42, { role: "viewer" }, "root"))).toMatchObject({
        code: "NOT_FOUND",
        message: "User 42 not found",
      });
    });
  });

  describe("the last active admin", () => {
    it("cannot be demoted, disabled or deleted", async () => {
      const root = await insertTestUser(db, { username: "root" });
      await insertTestUser(db, { username: "old", disabled: true });
      for (const [run, verb] of [
        [() => updateUser(db, root.id, { role: "operator" }, "root"), "demote"],
        [() => updateUser(db, root.id, { disabled: true }, "root"), "disable"],
        [() => deleteUser(db, root.id, "root"), "delete"],
      ] as const) {
        expect(await caught(run)).toMatchObject({
          code: "CONFLICT",
          message: `Cannot ${verb} root: they are the last active admin`,
        });
      }
      expect((await listUsers(db)).find((u) => u.username === "root")).toMatchObject({
        role: "admin",
        disabledAt: null,
      });
    });

    it("is kept when two admins demote each other at the same moment: one of them is refused", async () => {
      const ann = await insertTestUser(db, { username: "ann" });
      const bob = await insertTestUser(db, { username: "bob" });
      const results = await Promise.allSettled([
        updateUser(db, ann.id, { role: "viewer" }, "bob"),
        updateUser(db, bob.id, { disabled: true }, "ann"),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      const admins = (await listUsers(db)).filter((u) => u.role === "admin" && u.disabledAt === null);
      expect(admins).toHaveLength(1);
    });

    it("can step down once another admin is active", async () => {
      const root = await insertTestUser(db, { username: "root" });
      const other = await insertTestUser(db, { username: "other", role: "viewer" });
      await updateUser(db, other.id, { role: "admin" }, "root");
      await updateUser(db, root.id, { role: "viewer" }, "other");
      expect(await caught(() => deleteUser(db, other.id, "other"))).toMatchObject({ code: "CONFLICT" });
    });
  });

  describe("deleteUser", () => {
    it("removes the user and their sessions, and records it", async () => {
      await insertTestUser(db, { username: "root" });
      const bob = await insertTestUser(db, { username: "bob", role: "viewer" });
      const session = await signIn("bob");
      await deleteUser(db, bob.id, "root", "10.0.0.1");
      expect(await authenticateSession(db, session)).toBeNull();
      expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
      expect((await listUsers(db)).map((u) => u.username)).toEqual(["root"]);
      expect((await listAudit(db))[0]).toMatchObject({
        action: "user-deleted",
        actor: "root",
        target: "bob",
        address: "10.0.0.1",
      });
      expect(await caught(() => deleteUser(db, bob.id, "root"))).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("listAudit", () => {
    it("lists newest first, up to the limit", async () => {
      await insertTestUser(db, { username: "root" });
      for (const username of ["first", "second", "third"]) {
        await createUser(db, { username, password: TEST_PASSWORD, role: "viewer" }, "root");
      }
      expect((await listAudit(db, { limit: 2 })).map((e) => e.target)).toEqual(["third", "second"]);
      expect(await listAudit(db, { limit: 0 })).toHaveLength(1);
    });
  });
});
