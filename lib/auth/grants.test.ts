import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { roleOn, roleOnFleet } from "@/lib/core/access-rule";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { onAccessChange, type AccessChange } from "./access-changes";
import { addGrant } from "./add-grant";
import { authenticateSession } from "./authenticate-session";
import { authenticateToken } from "./authenticate-token";
import { createTeam } from "./create-team";
import { createToken } from "./create-token";
import type { AuthTables } from "./db/auth-tables";
import { deleteTeam } from "./delete-team";
import { listAudit } from "./list-audit";
import { login } from "./login";
import { recheckPrincipal } from "./recheck-principal";
import { removeGrant } from "./remove-grant";
import { changeMembership } from "./team-membership";
import { emptyAuthTables, insertTestUser, TEST_PASSWORD } from "./test-user";
import type { Principal, User } from "./types";
import { updateUser } from "./update-user";

const shopWeb = { hostId: "prod-1", project: "shop", name: "shop-web" };
const blogWeb = { hostId: "prod-1", project: "blog", name: "blog-web" };
const shopOn2 = { hostId: "prod-2", project: "shop", name: "shop-web" };

describe.each(dialects)("grants and teams on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AuthTables>;
  let carol: User;
  let announced: AccessChange[];
  let unsubscribe: () => void;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(db);
    await insertTestUser(db, { username: "root", role: "admin" });
    carol = await insertTestUser(db, { username: "carol", role: "viewer" });
    announced = [];
    unsubscribe = onAccessChange((change) => announced.push(change));
  });
  afterEach(() => unsubscribe());

  async function carolSession(): Promise<Principal> {
    const { token } = await login(db, { username: "carol", password: TEST_PASSWORD, address: "10.0.0.9" });
    return (await authenticateSession(db, token))!;
  }

  it("keeps a user's role fleet-wide and adds their own and their teams' grants", async () => {
    const team = await createTeam(db, { name: "Shop" }, "root");
    await changeMembership(db, { teamId: team.id, userId: carol.id, actor: "root" }, true);
    await addGrant(
      db,
      { holder: { kind: "team", id: team.id }, role: "operator", scope: { projects: ["shop"] } },
      "root",
    );
    await addGrant(
      db,
      {
        holder: { kind: "user", id: carol.id },
        role: "admin",
        scope: { hosts: ["prod-2"], names: ["shop-*"] },
      },
      "root",
    );
    const carolNow = await carolSession();
    expect(carolNow.role).toBe("admin");
    expect(roleOnFleet(carolNow.access!)).toBe("viewer");
    expect(roleOn(carolNow.access!, shopWeb)).toBe("operator");
    expect(roleOn(carolNow.access!, shopOn2)).toBe("admin");
    expect(roleOn(carolNow.access!, blogWeb)).toBe("viewer");
  });

  it("a scoped user sees only what their grants give, and the change ends their streams", async () => {
    await addGrant(
      db,
      { holder: { kind: "user", id: carol.id }, role: "viewer", scope: { projects: ["shop"] } },
      "root",
    );
    const before = await carolSession();
    await updateUser(db, carol.id, { scoped: true }, "root");
    expect(announced).toContainEqual({ userId: carol.id, reason: "access changed" });
    // A stream showing the fleet's events was filtered by the old grants: it ends and reconnects.
    expect(await recheckPrincipal(db, before, "viewer")).toBe("access changed");
    const after = await carolSession();
    expect(roleOn(after.access!, shopWeb)).toBe("viewer");
    expect(roleOn(after.access!, blogWeb)).toBeNull();
    // A log stream about a container still in scope goes on; one outside it ends.
    expect(await recheckPrincipal(db, after, "viewer", Date.now, shopWeb)).toBeNull();
    expect(await recheckPrincipal(db, after, "viewer", Date.now, blogWeb)).toBe("access changed");
  });

  it("a removed grant or team ends the streams that showed what it gave", async () => {
    await updateUser(db, carol.id, { scoped: true }, "root");
    const team = await createTeam(db, { name: "shop" }, "root");
    await changeMembership(db, { teamId: team.id, userId: carol.id, actor: "root" }, true);
    const grant = await addGrant(
      db,
      { holder: { kind: "team", id: team.id }, role: "viewer", scope: { projects: ["shop"] } },
      "root",
    );
    const session = await carolSession();
    expect(await recheckPrincipal(db, session, "viewer", Date.now, shopWeb)).toBeNull();
    announced = [];
    await removeGrant(db, grant.id, "root");
    expect(announced).toEqual([{ userId: carol.id, reason: "access changed" }]);
    expect(await recheckPrincipal(db, session, "viewer", Date.now, shopWeb)).toBe("access changed");

    await addGrant(
      db,
      { holder: { kind: "team", id: team.id }, role: "viewer", scope: { projects: ["shop"] } },
      "root",
    );
    expect(await recheckPrincipal(db, session, "viewer", Date.now, shopWeb)).toBeNull();
    await deleteTeam(db, team.id, "root");
    expect(await recheckPrincipal(db, session, "viewer", Date.now, shopWeb)).toBe("access changed");
  });

  it("a scoped token acts on its grants alone, capped by its owner target by target", async () => {
    await addGrant(
      db,
      { holder: { kind: "user", id: carol.id }, role: "operator", scope: { projects: ["shop"] } },
      "root",
    );
    const { token } = await createToken(
      db,
      {
        name: "ci shop",
        role: "admin",
        scoped: true,
        grants: [{ role: "operator", scope: { hosts: ["prod-1"], projects: ["shop", "blog"] } }],
      },
      { kind: "user", name: "carol", userId: carol.id },
    );
    const ci = (await authenticateToken(db, token))!;
    expect(roleOn(ci.access!, shopWeb)).toBe("operator");
    // Carol herself may only view blog: her token may not do more there.
    expect(roleOn(ci.access!, blogWeb)).toBe("viewer");
    expect(roleOn(ci.access!, shopOn2)).toBeNull();
    expect(roleOnFleet(ci.access!)).toBeNull();
  });

  it("refuses a scoped token without grants and a scope that names nothing, naming the field", async () => {
    const maker = { kind: "user" as const, name: "root", userId: 1 };
    await expect(createToken(db, { name: "x", role: "viewer", scoped: true }, maker)).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("grants: a scoped token needs at least one grant"),
    });
    await expect(
      addGrant(db, { holder: { kind: "user", id: carol.id }, role: "viewer", scope: {} }, "root"),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("scope") });
    await expect(
      addGrant(
        db,
        { holder: { kind: "user", id: carol.id }, role: "viewer", scope: { names: ["shop[0]"] } },
        "root",
      ),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("scope.names.0") });
    await expect(
      addGrant(db, { holder: { kind: "team", id: 9999 }, role: "viewer", scope: null }, "root"),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Team 9999 not found" });
  });

  it("audits who granted what to whom, and every team change", async () => {
    const team = await createTeam(db, { name: "Shop" }, "root", "10.0.0.1");
    await expect(createTeam(db, { name: "shop" }, "root")).rejects.toMatchObject({ code: "CONFLICT" });
    await changeMembership(db, { teamId: team.id, userId: carol.id, actor: "root" }, true);
    const grant = await addGrant(
      db,
      {
        holder: { kind: "team", id: team.id },
        role: "operator",
        scope: { hosts: ["prod-1"], projects: ["shop"] },
      },
      "root",
    );
    await removeGrant(db, grant.id, "root");
    await changeMembership(db, { teamId: team.id, userId: carol.id, actor: "root" }, false);
    const entries = (await listAudit(db)).map(({ action, actor, target, detail }) => ({
      action,
      actor,
      target,
      detail,
    }));
    expect(entries.slice(0, 5).reverse()).toEqual([
      { action: "team-created", actor: "root", target: "Shop", detail: null },
      { action: "team-member-added", actor: "root", target: "Shop", detail: "added carol" },
      {
        action: "grant-added",
        actor: "root",
        target: "team Shop",
        detail: "operator on project shop on prod-1",
      },
      {
        action: "grant-removed",
        actor: "root",
        target: "team Shop",
        detail: "operator on project shop on prod-1",
      },
      { action: "team-member-removed", actor: "root", target: "Shop", detail: "removed carol" },
    ]);
  });
});
