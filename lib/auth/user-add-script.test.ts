import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kyselyOver } from "@/lib/db/database";
import { openDb, type Db } from "@/lib/db/db";
import {
  addUser,
  addUserOnPostgres,
  assertUsernameFree,
  assertUsernameFreeOnPostgres,
  checkPassword,
  hashPassword,
  openWharfPostgres,
  parseArgs,
} from "@/scripts/user-add.mjs";
import { dialects, freshDatabase } from "@/tests/support/dialects";
import { SCRYPT_PARAMS } from "./hash-password";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { MIN_PASSWORD_LENGTH } from "./schemas";
import { roles } from "./types";
import { parsePasswordHash } from "./verify-password";

// scripts/user-add.mjs cannot import this TypeScript, so it repeats the hash format, the rules and the SQL:
// these tests fail when the two drift apart.
let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

describe("npm run user:add", () => {
  it("writes a user Wharf can sign in, audited as the cli", async () => {
    const passwordHash = await hashPassword("typed at the terminal");
    expect(parsePasswordHash(passwordHash)).toMatchObject({
      N: SCRYPT_PARAMS.N,
      r: SCRYPT_PARAMS.r,
      p: SCRYPT_PARAMS.p,
    });
    addUser(db, { username: "ops", passwordHash, role: "admin" });
    const session = await login(kyselyOver(db), {
      username: "ops",
      password: "typed at the terminal",
      address: "local",
    });
    expect(session.user).toMatchObject({ username: "ops", role: "admin" });
    expect((await listAudit(kyselyOver(db))).at(-1)).toMatchObject({
      action: "user-created",
      actor: "cli",
      target: "ops",
      detail: "role: admin",
    });
  });

  it("refuses a taken name, whatever its case", async () => {
    addUser(db, { username: "ops", passwordHash: "x", role: "viewer" });
    expect(() => assertUsernameFree(db, "OPS")).toThrow('a user named "ops" already exists');
    expect(() => addUser(db, { username: "Ops", passwordHash: "x", role: "viewer" })).toThrow(
      "already exists",
    );
  });

  it("applies the same rules as Wharf", () => {
    expect(parseArgs(["--username", "ops", "--role=operator"])).toEqual({
      username: "ops",
      role: "operator",
    });
    expect(() => parseArgs(["--username", "ops", "--role", "root"])).toThrow(
      'invalid role "root": use one of viewer, operator, admin',
    );
    expect(() => parseArgs(["--username", "o p", "--role", "admin"])).toThrow("invalid username");
    expect(() => parseArgs(["--username", "ops"])).toThrow("usage:");
    expect(() => checkPassword("x".repeat(MIN_PASSWORD_LENGTH - 1))).toThrow("at least 12 characters");
    expect(() => checkPassword("x".repeat(MIN_PASSWORD_LENGTH))).not.toThrow();
    for (const role of roles) expect(parseArgs(["--username", "ops", "--role", role]).role).toBe(role);
  });
});

// With DATABASE_URL set the script writes the server's PostgreSQL database, where names are unique by lower().
describe.each(dialects.filter((dialect) => dialect === "postgres"))("npm run user:add on %s", (dialect) => {
  it("writes a user Wharf can sign in, audited as the cli, and refuses a taken name whatever its case", async () => {
    const test = await freshDatabase(dialect);
    const client = await openWharfPostgres(test.url!);
    try {
      const passwordHash = await hashPassword("typed at the terminal");
      await addUserOnPostgres(client, { username: "ops", passwordHash, role: "admin" });
      const session = await login(test.db, {
        username: "OPS",
        password: "typed at the terminal",
        address: "local",
      });
      expect(session.user).toMatchObject({ username: "ops", role: "admin" });
      expect((await listAudit(test.db)).at(-1)).toMatchObject({
        action: "user-created",
        actor: "cli",
        target: "ops",
        detail: "role: admin",
      });
      await expect(assertUsernameFreeOnPostgres(client, "Ops")).rejects.toThrow(
        'a user named "ops" already exists',
      );
      await expect(
        addUserOnPostgres(client, { username: "OPS", passwordHash, role: "viewer" }),
      ).rejects.toThrow("already exists");
    } finally {
      await client.end();
      await test.close();
    }
  });
});
