import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { authenticateSession } from "../authenticate-session";
import type { AuthTables } from "../db/auth-tables";
import { listUserTeams } from "../db/list-user-teams";
import { listAudit } from "../list-audit";
import { login } from "../login";
import { emptyAuthTables, insertTestUser } from "../test-user";
import { signInSsoUser, type SsoIdentity } from "./sign-in-sso-user";
import { SsoFailure } from "./sso-failures";

const ISSUER = "https://id.example.com/realms/corp";
const client = { address: "10.0.0.7", userAgent: "vitest" };
const AT = Date.parse("2025-03-01T12:00:00.000Z");

describe.each(dialects)("single sign-on's user and teams on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(() => emptyAuthTables(db));

  const identity = (overrides: Partial<SsoIdentity> = {}): SsoIdentity => ({
    issuer: ISSUER,
    subject: "f3a1-0001",
    suggestedName: "dana@example.com",
    teams: ["shop"],
    ...overrides,
  });
  const signIn = (overrides: Partial<SsoIdentity> = {}) => signInSsoUser(db, identity(overrides), client, AT);

  it("creates a scoped user without a password at the first sign-in, and starts a session that authenticates", async () => {
    const { user, session } = await signIn();
    expect(user).toMatchObject({ username: "dana", role: "viewer", disabledAt: null });
    const row = await db
      .selectFrom("users")
      .select(["scoped", "sso_issuer", "sso_subject"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ scoped: 1, sso_issuer: ISSUER, sso_subject: "f3a1-0001" });
    expect(await authenticateSession(db, session.token, () => AT)).toMatchObject({
      kind: "user",
      name: "dana",
    });
    // No password signs in as an SSO user, and the audit log says why.
    await expect(login(db, { username: "dana", password: "!sso", address: "10.0.0.7" })).rejects.toThrow(
      "Invalid username or password",
    );
    const failed = (await listAudit(db, { limit: 10 })).find((entry) => entry.action === "login-failed");
    expect(failed?.detail).toBe("no password: signs in through single sign-on");
  });

  it("creates a mapped team that does not exist yet, audited, and audits the sign-in as a login saying SSO", async () => {
    await signIn({ teams: ["ops", "shop"] });
    await signIn({ subject: "f3a1-0002", suggestedName: "erin", teams: ["shop"] });
    const entries = await listAudit(db, { limit: 20 });
    expect(entries.filter((e) => e.action === "team-created").map((e) => [e.actor, e.target])).toEqual([
      ["sso", "shop"],
      ["sso", "ops"],
    ]);
    expect(entries.find((e) => e.action === "login" && e.target === "erin")).toMatchObject({
      actor: "erin",
      address: "10.0.0.7",
      detail: `single sign-on (${ISSUER}); teams from groups: shop`,
    });
  });

  it("replaces the user's SSO memberships at every sign-in and leaves an admin's local ones alone", async () => {
    const { user } = await signIn({ teams: ["ops", "shop"] });
    const local = await db
      .insertInto("teams")
      .values({ name: "contractors", created_at: "2025-03-01T10:00:00.000Z", created_by: "admin" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("team_members")
      .values({ team_id: local.id, user_id: user.id, source: "local", added_at: "2025-03-01T10:00:00.000Z" })
      .execute();

    const again = await signIn({ teams: ["ops"] });
    expect(again.user.id).toBe(user.id);
    expect(await listUserTeams(db, user.id)).toEqual([
      { name: "contractors", source: "local" },
      { name: "ops", source: "sso" },
    ]);
    await signIn({ teams: [] });
    expect(await listUserTeams(db, user.id)).toEqual([{ name: "contractors", source: "local" }]);
  });

  it("keeps an admin's local membership of a team the groups also give", async () => {
    const { user } = await signIn({ teams: [] });
    const team = await db
      .insertInto("teams")
      .values({ name: "shop", created_at: "2025-03-01T10:00:00.000Z", created_by: "admin" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("team_members")
      .values({ team_id: team.id, user_id: user.id, source: "local", added_at: "2025-03-01T10:00:00.000Z" })
      .execute();
    await signIn({ teams: ["SHOP"] });
    await signIn({ teams: [] });
    expect(await listUserTeams(db, user.id)).toEqual([{ name: "shop", source: "local" }]);
  });

  it("never takes over a local user's name: the SSO user gets the next free one", async () => {
    const local = await insertTestUser(db, { username: "Dana" });
    const { user } = await signIn();
    expect(user.username).toBe("dana-2");
    expect(user.id).not.toBe(local.id);
    const other = await signIn({ subject: "f3a1-0009", suggestedName: null });
    expect(other.user.username).toMatch(/^sso-[0-9a-f]{12}$/);
  });

  it("refuses a disabled SSO user: no session, no change to their teams", async () => {
    const { user } = await signIn({ teams: ["shop"] });
    await db
      .updateTable("users")
      .set({ disabled_at: "2025-03-01T11:00:00.000Z" })
      .where("id", "=", user.id)
      .execute();
    const sessionsBefore = await db.selectFrom("sessions").select("id").execute();
    const failure = await signIn({ teams: ["ops"] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SsoFailure);
    expect(failure).toMatchObject({ code: "disabled", username: "dana" });
    expect(await db.selectFrom("sessions").select("id").execute()).toEqual(sessionsBefore);
    expect(await listUserTeams(db, user.id)).toEqual([{ name: "shop", source: "sso" }]);
  });
});
