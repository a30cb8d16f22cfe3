import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/db/db";
import { bootstrapAdmin } from "./bootstrap-admin";
import { countUsers } from "./count-users";
import { listAudit } from "./list-audit";
import { listUsers } from "./list-users";
import { login } from "./login";
import { insertTestUser } from "./test-user";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const env = { WHARF_ADMIN_PASSWORD: "first admin password" };

describe("bootstrapAdmin", () => {
  it("creates nobody without WHARF_ADMIN_PASSWORD: there is no default password", async () => {
    await expect(bootstrapAdmin(db, {})).resolves.toEqual({ created: false, reason: "no-password" });
    await expect(bootstrapAdmin(db, { WHARF_ADMIN_PASSWORD: "" })).resolves.toEqual({
      created: false,
      reason: "no-password",
    });
    expect(countUsers(db)).toBe(0);
  });

  it("creates the admin user once, who can then sign in", async () => {
    const first = await bootstrapAdmin(db, env);
    expect(first).toMatchObject({ created: true, user: { username: "admin", role: "admin" } });
    expect(listAudit(db)[0]).toMatchObject({ action: "user-created", actor: "bootstrap", target: "admin" });
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
    expect(listUsers(db).map((u) => u.username)).toEqual(["alice"]);
  });

  it("refuses a short WHARF_ADMIN_PASSWORD, naming the variable", async () => {
    await expect(bootstrapAdmin(db, { WHARF_ADMIN_PASSWORD: "admin" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "WHARF_ADMIN_PASSWORD: must be at least 12 characters",
    });
    expect(countUsers(db)).toBe(0);
  });
});
