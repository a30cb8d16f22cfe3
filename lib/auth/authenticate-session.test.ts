import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "@/lib/db/db";
import { authenticateSession } from "./authenticate-session";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { logout } from "./logout";
import { TEST_PASSWORD, insertTestUser, testClock } from "./test-user";

let db: Db;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  db = openDb(":memory:");
  clock = testClock();
  await insertTestUser(db, { username: "alice", role: "operator" });
});
afterEach(() => {
  vi.unstubAllEnvs();
  db.close();
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
const lastSeen = () => db.prepare("SELECT last_seen_at FROM sessions").pluck().get();

describe("authenticateSession", () => {
  it("names the user, their current role and the session", async () => {
    const token = await signIn();
    expect(authenticateSession(db, token, clock)).toEqual({
      kind: "user",
      name: "alice",
      role: "operator",
      userId: 1,
      sessionId: "1",
    });
    db.prepare("UPDATE users SET role = 'viewer'").run();
    expect(authenticateSession(db, token, clock)?.role).toBe("viewer");
  });

  it("refuses unknown and malformed tokens", async () => {
    await signIn();
    expect(authenticateSession(db, "A".repeat(43), clock)).toBeNull();
    expect(authenticateSession(db, "", clock)).toBeNull();
    expect(authenticateSession(db, "x'; DROP TABLE users; --", clock)).toBeNull();
  });

  it("ends a session idle for longer than 8 hours, and slides the window while it is used", async () => {
    const token = await signIn();
    clock.advance(479 * MINUTE);
    expect(authenticateSession(db, token, clock)).not.toBeNull();
    clock.advance(479 * MINUTE);
    expect(authenticateSession(db, token, clock)).not.toBeNull();
    clock.advance(481 * MINUTE);
    expect(authenticateSession(db, token, clock)).toBeNull();
  });

  it("takes the idle timeout from WHARF_SESSION_IDLE_MINUTES", async () => {
    vi.stubEnv("WHARF_SESSION_IDLE_MINUTES", "5");
    const token = await signIn();
    clock.advance(6 * MINUTE);
    expect(authenticateSession(db, token, clock)).toBeNull();
  });

  it("writes last_seen_at only once it moved by more than a minute", async () => {
    const token = await signIn();
    const start = lastSeen();
    clock.advance(MINUTE);
    authenticateSession(db, token, clock);
    expect(lastSeen()).toBe(start);
    clock.advance(1_000);
    authenticateSession(db, token, clock);
    expect(lastSeen()).toBe(new Date(clock()).toISOString());
  });

  it("ends a session 168 hours after sign-in however busy it is", async () => {
    const token = await signIn();
    for (let hour = 1; hour < 168; hour++) {
      clock.advance(60 * MINUTE);
      expect(authenticateSession(db, token, clock)).not.toBeNull();
    }
    clock.advance(60 * MINUTE);
    expect(authenticateSession(db, token, clock)).toBeNull();
  });

  it("refuses a session whose user is disabled", async () => {
    const token = await signIn();
    db.prepare("UPDATE users SET disabled_at = '2025-03-01T12:00:00.000Z'").run();
    expect(authenticateSession(db, token, clock)).toBeNull();
  });
});

describe("logout", () => {
  it("revokes the session for good and records it", async () => {
    const token = await signIn();
    const other = await signIn();
    expect(logout(db, token, "10.0.0.9", clock)).toBe(true);
    expect(authenticateSession(db, token, clock)).toBeNull();
    expect(authenticateSession(db, other, clock)).not.toBeNull();
    expect(listAudit(db, { limit: 1 })[0]).toMatchObject({
      action: "logout",
      actor: "alice",
      address: "10.0.0.9",
    });
    expect(logout(db, token, "10.0.0.9", clock)).toBe(false);
    expect(logout(db, "not a token", undefined, clock)).toBe(false);
  });
});
