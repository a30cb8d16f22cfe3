import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { announceAccessChange, onAccessChange, type AccessChange } from "./access-changes";
import { authenticateSession } from "./authenticate-session";
import { authenticateToken } from "./authenticate-token";
import { createToken } from "./create-token";
import type { AuthTables } from "./db/auth-tables";
import { deleteUser } from "./delete-user";
import { logout } from "./logout";
import { recheckPrincipal } from "./recheck-principal";
import { revokeToken } from "./revoke-token";
import { startSession } from "./start-session";
import { emptyAuthTables, insertTestUser, testClock } from "./test-user";
import type { Principal } from "./types";
import { updateUser } from "./update-user";

describe.each(dialects)("re-checks on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let clock: ReturnType<typeof testClock>;
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
    announced = [];
    unsubscribe = onAccessChange((change) => announced.push(change));
  });
  afterEach(() => unsubscribe());

  const HOUR = 3_600_000;
  const client = { address: "10.0.0.1", userAgent: null };

  async function signedIn(role: "viewer" | "operator" | "admin" = "operator") {
    const user = await insertTestUser(db, {
      username: `user${Math.random().toString(36).slice(2, 8)}`,
      role,
    });
    // A second admin, so disabling or demoting the user is never refused as the last admin.
    await insertTestUser(db, { username: `keeper${user.id}`, role: "admin" });
    const session = await startSession(db, user.id, client, clock());
    return { user, token: session.token, principal: (await authenticateSession(db, session.token, clock))! };
  }

  async function tokenPrincipal(
    expiresAt: string | null = null,
  ): Promise<{ id: number; principal: Principal }> {
    const { token, info } = await createToken(
      db,
      { name: "ci", role: "viewer", expiresAt, serviceOwner: "ci team" },
      { kind: "user", name: "admin" },
      undefined,
      clock,
    );
    return { id: info.id, principal: (await authenticateToken(db, token, undefined, clock))! };
  }

  describe("recheckPrincipal", () => {
    it("keeps a valid token and session", async () => {
      expect(await recheckPrincipal(db, (await tokenPrincipal()).principal, "viewer", clock)).toBeNull();
      expect(await recheckPrincipal(db, (await signedIn()).principal, "operator", clock)).toBeNull();
    });

    it("names a revoked token, and announces it once", async () => {
      const { id, principal } = await tokenPrincipal();
      await revokeToken(db, id, "admin");
      await revokeToken(db, id, "admin");
      expect(await recheckPrincipal(db, principal, "viewer", clock)).toBe("token revoked");
      expect(announced).toEqual([{ tokenId: id, reason: "token revoked" }]);
    });

    it("names an expired token", async () => {
      const { principal } = await tokenPrincipal(new Date(clock() + HOUR).toISOString());
      clock.advance(HOUR);
      expect(await recheckPrincipal(db, principal, "viewer", clock)).toBe("token expired");
    });

    it("names a signed-out session, and announces that session", async () => {
      const { token, principal } = await signedIn();
      await logout(db, token, undefined, clock);
      expect(await recheckPrincipal(db, principal, "viewer", clock)).toBe("signed out");
      expect(announced).toEqual([{ sessionId: principal.sessionId, reason: "signed out" }]);
    });

    it("names a disabled user, a changed password, a deleted user, and announces each for the user", async () => {
      const disabled = await signedIn();
      await updateUser(db, disabled.user.id, { disabled: true }, "admin");
      expect(await recheckPrincipal(db, disabled.principal, "viewer", clock)).toBe("user disabled");

      const changed = await signedIn();
      await updateUser(db, changed.user.id, { password: "a-brand-new-password" }, "admin");
      // The database only knows the session was revoked; the announcement says why.
      expect(await recheckPrincipal(db, changed.principal, "viewer", clock)).toBe("signed out");

      const deleted = await signedIn();
      await deleteUser(db, deleted.user.id, "admin");
      expect(await recheckPrincipal(db, deleted.principal, "viewer", clock)).toBe("signed out");

      expect(announced).toEqual([
        { userId: disabled.user.id, reason: "user disabled" },
        { userId: changed.user.id, reason: "password changed" },
        { userId: deleted.user.id, reason: "user deleted" },
      ]);
    });

    it("names a role lowered below what is needed, and keeps one still enough", async () => {
      const { user, principal } = await signedIn("operator");
      await updateUser(db, user.id, { role: "viewer" }, "admin");
      expect(announced).toEqual([{ userId: user.id, reason: "role changed" }]);
      expect(await recheckPrincipal(db, principal, "viewer", clock)).toBeNull();
      expect(await recheckPrincipal(db, principal, "operator", clock)).toBe("role changed");
    });

    it("names an expired session, and counts an open stream as use of its session", async () => {
      const { principal } = await signedIn();
      // Idle for longer than the idle limit (8 hours) in steps, but re-checked: the stream keeps it in use.
      for (let hours = 0; hours < 10; hours++) {
        clock.advance(HOUR);
        expect(await recheckPrincipal(db, principal, "viewer", clock)).toBeNull();
      }
      clock.advance(7 * 24 * HOUR);
      expect(await recheckPrincipal(db, principal, "viewer", clock)).toBe("session expired");
    });

    it("announces nothing when nothing changed", async () => {
      const { user } = await signedIn();
      await updateUser(db, user.id, { role: user.role }, "admin");
      expect(announced).toEqual([]);
    });
  });

  describe("announceAccessChange", () => {
    it("keeps telling the other listeners when one throws", () => {
      const off = onAccessChange(() => {
        throw new Error("boom");
      });
      const change: AccessChange = { tokenId: 1, reason: "token revoked" };
      const errors = console.error;
      console.error = () => {};
      try {
        announceAccessChange(change);
      } finally {
        console.error = errors;
        off();
      }
      expect(announced).toEqual([change]);
    });
  });
});
