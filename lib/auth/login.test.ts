import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { authenticateSession } from "./authenticate-session";
import type { AuthTables } from "./db/auth-tables";
import { hashSecret } from "./secret-token";
import { listAudit } from "./list-audit";
import { login, type LoginInput } from "./login";
import { TEST_PASSWORD, emptyAuthTables, insertTestUser, testClock } from "./test-user";

describe.each(dialects)("login on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let clock: ReturnType<typeof testClock>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(db);
    clock = testClock();
    await insertTestUser(db, { username: "alice" });
  });

  const attempt = (overrides: Partial<LoginInput> = {}) =>
    login(
      db,
      { username: "alice", password: TEST_PASSWORD, address: "10.0.0.1", userAgent: "vitest", ...overrides },
      clock,
    );

  async function failure(overrides: Partial<LoginInput> = {}): Promise<WharfError> {
    try {
      await attempt({ password: "wrong password!", ...overrides });
    } catch (error) {
      if (error instanceof WharfError) return error;
      throw error;
    }
    throw new Error("the sign-in succeeded");
  }
  const retryAfter = (error: WharfError) =>
    (error.details as { retryAfterSeconds: number }).retryAfterSeconds;

  describe("login", () => {
    it("opens a session that authenticates as the user, expiring after 168 hours at the latest", async () => {
      const result = await attempt();
      expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(result.user).toMatchObject({ username: "alice", role: "admin" });
      expect(result.expiresAt).toBe(new Date(clock() + 168 * 3_600_000).toISOString());
      expect(await authenticateSession(db, result.token, clock)).toMatchObject({
        kind: "user",
        name: "alice",
        role: "admin",
      });
      // Only the token's hash is stored.
      const stored = await db.selectFrom("sessions").select("token_hash").execute();
      expect(stored).toEqual([{ token_hash: hashSecret(result.token) }]);
      expect((await listAudit(db))[0]).toMatchObject({
        action: "login",
        actor: "alice",
        address: "10.0.0.1",
      });
    });

    it("matches usernames without case", async () => {
      await expect(attempt({ username: "ALICE" })).resolves.toMatchObject({ user: { username: "alice" } });
    });

    it("answers an unknown user, a wrong password and a disabled user with the same error", async () => {
      await insertTestUser(db, { username: "dave", disabled: true });
      const errors = [
        await failure({ username: "nobody" }),
        await failure(),
        await failure({ username: "dave", password: TEST_PASSWORD }),
      ];
      for (const error of errors)
        expect(error).toMatchObject({ code: "UNAUTHORIZED", message: "Invalid username or password" });
      expect((await listAudit(db)).map((e) => [e.action, e.target, e.detail])).toEqual([
        ["login-failed", "dave", "user disabled"],
        ["login-failed", "alice", "wrong password"],
        ["login-failed", "nobody", "unknown user"],
      ]);
    });

    it("blocks a user from one address after 5 failures in 15 minutes, even with the right password", async () => {
      for (let i = 0; i < 5; i++) expect((await failure()).code).toBe("UNAUTHORIZED");
      const blocked = await failure({ password: TEST_PASSWORD });
      expect(blocked).toMatchObject({
        code: "RATE_LIMITED",
        message: "Too many failed sign-ins: try again in 60 seconds",
      });
      expect(retryAfter(blocked)).toBe(60);
      expect((await listAudit(db, { limit: 1 }))[0]).toMatchObject({
        action: "login-throttled",
        target: "alice",
        address: "10.0.0.1",
      });

      clock.advance(60_000);
      await expect(attempt()).resolves.toMatchObject({ user: { username: "alice" } });
    });

    it("never lets failures from one address block the right password from another", async () => {
      for (let i = 0; i < 40; i++) await failure({ address: "10.6.6.6" });
      expect((await failure({ address: "10.6.6.6", password: TEST_PASSWORD })).code).toBe("RATE_LIMITED");
      await expect(attempt({ address: "10.0.0.2" })).resolves.toMatchObject({ user: { username: "alice" } });
    });

    it("blocks an address after 20 failures in 15 minutes, whichever usernames it tried", async () => {
      for (let i = 0; i < 20; i++) {
        expect((await failure({ username: `user${i}`, address: "10.6.6.6" })).code).toBe("UNAUTHORIZED");
      }
      expect((await failure({ password: TEST_PASSWORD, address: "10.6.6.6" })).code).toBe("RATE_LIMITED");
      await expect(attempt({ address: "10.0.0.2" })).resolves.toBeDefined();
    });

    it("forgets failures older than 15 minutes when nothing got blocked", async () => {
      for (let i = 0; i < 4; i++) await failure();
      clock.advance(15 * 60_000 + 1);
      for (let i = 0; i < 4; i++) await failure();
      await expect(attempt()).resolves.toBeDefined();
    });

    it("doubles the block with each further failure, up to an hour", async () => {
      for (let i = 0; i < 5; i++) await failure();
      const refusals: WharfError[] = [];
      for (let i = 0; i < 8; i++) {
        const refusal = await failure();
        refusals.push(refusal);
        clock.advance(retryAfter(refusal) * 1000);
        expect((await failure()).code).toBe("UNAUTHORIZED");
      }
      expect(refusals.map(retryAfter)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
      expect(refusals.at(-1)?.message).toBe("Too many failed sign-ins: try again in 60 minutes");
    });

    it("on success clears the address's count for that user, not the address's own", async () => {
      for (let i = 0; i < 4; i++) await failure();
      await attempt();
      for (let i = 0; i < 4; i++) await failure();
      await expect(attempt()).resolves.toBeDefined();

      // Signing in to one's own account buys no more guesses at others: the address keeps its 8 failures.
      for (let i = 0; i < 12; i++) await failure({ username: `user${i}` });
      expect((await failure({ username: "bob" })).code).toBe("RATE_LIMITED");
    });

    it("gives a burst of parallel guesses no more verdicts than the limit", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => attempt({ password: "wrong password!" })),
      );
      const codes = results.map((r) => (r.status === "rejected" ? (r.reason as WharfError).code : "OK"));
      expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(5);
      expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(7);
    });

    it("logs an address hammering while blocked once a minute, not once per try or per name", async () => {
      for (let i = 0; i < 20; i++) await failure({ username: `user${i}` });
      clock.advance(60_000);
      await failure({ username: "user0" }); // the 21st failure: the address is blocked for 2 minutes
      const throttled = async () => (await listAudit(db)).filter((e) => e.action === "login-throttled");
      for (const username of ["alice", "bob", "carol"]) await failure({ username, password: TEST_PASSWORD });
      clock.advance(59_000);
      await failure();
      expect(await throttled()).toHaveLength(1);
      clock.advance(2_000);
      await failure();
      expect(await throttled()).toHaveLength(2);
    });
  });
});
