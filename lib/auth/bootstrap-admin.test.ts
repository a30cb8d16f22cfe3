import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { bootstrapAdmin } from "./bootstrap-admin";
import type { AuthTables } from "./db/auth-tables";
import { countUsers } from "./db/count-users";
import { listUsers } from "./db/list-users";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { emptyAuthTables, insertTestUser } from "./test-user";

const env = { WHARF_ADMIN_PASSWORD: "first admin password" };

describe.each(dialects)("bootstrapAdmin on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(() => emptyAuthTables(db));

  it("creates nobody without WHARF_ADMIN_PASSWORD: there is no default password", async () => {
    await expect(bootstrapAdmin(db, {})).resolves.toEqual({ created: false, reason: "no-password" });
    await expect(bootstrapAdmin(db, { WHARF_ADMIN_PASSWORD: "" })).resolves.toEqual({
      created: false,
      reason: "no-password",
    });
    expect(await countUsers(db)).toBe(0);
  });

  it("creates the admin user once, who can then sign in", async () => {
    const first = await bootstrapAdmin(db, env);
    expect(first).toMatchObject({ created: true, user: { username: "admin", role: "admin" } });
    expect((await listAudit(db))[0]).toMatchObject({
      action: "user-created",
      actor: "bootstrap",
      target: "admin",
    });
    await expect(bootstrapAdmin(db, { WHARF_ADMIN_PASSWORD: "another password!" })).resolves.toEqual({
      created: false,
      reason: "users-exist",
    });
    await expect(
      login(db, { username: "admin", password: env.WHARF_ADMIN_PASSWORD, address: "local" }),
    ).resolves.toBeDefined();
  });

  it("does nothing once any user exists", async () => {
    await insertTestUser(db, { username: "alice", role: "viewer" });
    await expect(bootstrapAdmin(db, env)).resolves.toEqual({ created: false, reason: "users-exist" });
    expect((await listUsers(db)).map((u) => u.username)).toEqual(["alice"]);
  });

  it("creates one admin when several Wharfs start on one database at once", async () => {
    const results = await Promise.all([bootstrapAdmin(db, env), bootstrapAdmin(db, env)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await listUsers(db)).map((u) => u.username)).toEqual(["admin"]);
  });

  it("refuses a short WHARF_ADMIN_PASSWORD, naming the variable", async () => {
    await expect(bootstrapAdmin(db, { WHARF_ADMIN_PASSWORD: "admin" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "WHARF_ADMIN_PASSWORD: must be at least 12 characters",
    });
    expect(await countUsers(db)).toBe(0);
  });
});
