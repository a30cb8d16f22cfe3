import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { authenticateSession } from "./authenticate-session";
import type { AuthTables } from "./db/auth-tables";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { logout } from "./logout";
import { TEST_PASSWORD, emptyAuthTables, insertTestUser, testClock } from "./test-user";
import type { User } from "./types";

describe.each(dialects)("sessions on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let clock: ReturnType<typeof testClock>;
  let alice: User;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(db);
    clock = testClock();
    alice = await insertTestUser(db, { username: "alice", role: "operator" });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const MINUTE = 60_000;
  const signIn = async () =>
    (
      await login(
        db,
        { username: "alice", password: TEST_PASSWORD, address: "10.0.0.1", userAgent: null },
        clock,
      )
    ).token;
  const lastSeen = async () =>
    (await db.selectFrom("sessions").select("last_seen_at").executeTakeFirstOrThrow()).last_seen_at;

  describe("authenticateSession", () => {
    it("names the user, their current role and the session", async () => {
      const token = await signIn();
      const { id } = await db.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
      expect(await authenticateSession(db, token, clock)).toEqual({
        kind: "user",
        name: "alice",
        role: "operator",
        userId: alice.id,
        sessionId: String(id),
        access: { grants: [{ role: "operator", scope: null }], cap: null },
      });
      await db.updateTable("users").set({ role: "viewer" }).execute();
      expect((await authenticateSession(db, token, clock))?.role).toBe("viewer");
    });

    it("refuses unknown and malformed tokens", async () => {
      await signIn();
      expect(await authenticateSession(db, "A".repeat(43), clock)).toBeNull();
      expect(await authenticateSession(db, "", clock)).toBeNull();
      expect(await authenticateSession(db, "x'; DROP TABLE users; --", clock)).toBeNull();
    });

    it("ends a session idle for longer than 8 hours, and slides the window while it is used", async () => {
      const token = await signIn();
      clock.advance(479 * MINUTE);
      expect(await authenticateSession(db, token, clock)).not.toBeNull();
      clock.advance(479 * MINUTE);
      expect(await authenticateSession(db, token, clock)).not.toBeNull();
      clock.advance(481 * MINUTE);
      expect(await authenticateSession(db, token, clock)).toBeNull();
    });

    it("takes the idle timeout from WHARF_SESSION_IDLE_MINUTES", async () => {
      vi.stubEnv("WHARF_SESSION_IDLE_MINUTES", "5");
      const token = await signIn();
      clock.advance(6 * MINUTE);
      expect(await authenticateSession(db, token, clock)).toBeNull();
    });

    it("writes last_seen_at only once it moved by more than a minute", async () => {
      const token = await signIn();
      const start = await lastSeen();
      clock.advance(MINUTE);
      await authenticateSession(db, token, clock);
      expect(await lastSeen()).toBe(start);
      clock.advance(1_000);
      await authenticateSession(db, token, clock);
      expect(await lastSeen()).toBe(new Date(clock()).toISOString());
    });

    it("ends a session 168 hours after sign-in however busy it is", async () => {
      const token = await signIn();
      for (let hour = 1; hour < 168; hour++) {
        clock.advance(60 * MINUTE);
        expect(await authenticateSession(db, token, clock)).not.toBeNull();
      }
      clock.advance(60 * MINUTE);
      expect(await authenticateSession(db, token, clock)).toBeNull();
    });

    it("refuses a session whose user is disabled", async () => {
      const token = await signIn();
      await db.updateTable("users").set({ disabled_at: "2025-03-01T12:00:00.000Z" }).execute();
      expect(await authenticateSession(db, token, clock)).toBeNull();
    });
  });

  describe("logout", () => {
    it("revokes the session for good and records it", async () => {
      const token = await signIn();
      const other = await signIn();
      expect(await logout(db, token, "10.0.0.9", clock)).toBe(true);
      expect(await authenticateSession(db, token, clock)).toBeNull();
      expect(await authenticateSession(db, other, clock)).not.toBeNull();
      expect((await listAudit(db, { limit: 1 }))[0]).toMatchObject({
        action: "logout",
        actor: "alice",
        address: "10.0.0.9",
      });
      expect(await logout(db, token, "10.0.0.9", clock)).toBe(false);
      expect(await logout(db, "not a token", undefined, clock)).toBe(false);
    });
  });
});
