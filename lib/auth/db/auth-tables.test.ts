import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AutohealTables } from "@/lib/autoheal/db/policy-table";
import { saveAutohealPolicy } from "@/lib/autoheal/db/save-autoheal-policy";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { listAudit } from "../list-audit";
import { emptyAuthTables } from "../test-user";
import { authTablesOf, type AuthTables } from "./auth-tables";
import { recordAudit } from "./record-audit";

const declared = {
  users: [
    "id",
    "username",
    "password_hash",
    "role",
    "created_at",
    "disabled_at",
    "scoped",
    "sso_issuer",
    "sso_subject",
  ],
  sessions: [
    "id",
    "token_hash",
    "user_id",
    "created_at",
    "last_seen_at",
    "expires_at",
    "revoked_at",
    "address",
    "user_agent",
  ],
  api_tokens: [
    "id",
    "name",
    "token_hash",
    "role",
    "created_by",
    "created_at",
    "expires_at",
    "last_used_at",
    "revoked_at",
    "owner_user_id",
    "service_owner",
    "scoped",
  ],
  login_failures: ["key", "count", "first_at", "blocked_until"],
  audit_log: ["id", "at", "actor", "action", "target", "address", "detail"],
  teams: ["id", "name", "created_at", "created_by"],
  team_members: ["team_id", "user_id", "source", "added_at"],
  grants: ["id", "user_id", "team_id", "token_id", "role", "scope", "created_at", "created_by"],
} satisfies { [T in keyof AuthTables]: readonly (keyof AuthTables[T])[] };

describe.each(dialects)("auth's tables on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AutohealTables>;
  const auth = () => authTablesOf(db.withTables<AuthTables>());
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await emptyAuthTables(auth());
    await db.deleteFrom("autoheal_policies").execute();
  });

  it("declares every column the migrated tables have, and only those", async () => {
    for (const [table, columns] of Object.entries(declared)) {
      const found =
        dialect === "sqlite"
          ? await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)
          : await sql<{ name: string }>`
              SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table}`.execute(
              db,
            );
      expect([table, found.rows.map((c) => c.name).sort()]).toEqual([table, [...columns].sort()]);
    }
  });

  it("writes an audit entry in another feature's transaction, standing or falling with its change", async () => {
    const policy = { hostId: "alpha", project: null, graceSeconds: null };
    await db.transaction().execute(async (trx) => {
      await saveAutohealPolicy(trx, policy, "ann");
      await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
        actor: "ann",
        action: "autoheal-policy-set",
        target: "alpha",
      });
    });
    const undone = db.transaction().execute(async (trx) => {
      await saveAutohealPolicy(trx, { ...policy, hostId: "bravo" }, "bob");
      await recordAudit(authTablesOf(trx.withTables<AuthTables>()), {
        actor: "bob",
        action: "autoheal-policy-set",
        target: "bravo",
      });
      throw new Error("the change failed after its audit entry");
    });
    await expect(undone).rejects.toThrow("the change failed");
    const audited = (await listAudit(auth())).map((e) => [e.actor, e.target]);
    expect(audited).toEqual([["ann", "alpha"]]);
    const hosts = await db.selectFrom("autoheal_policies").select("host_id").execute();
    expect(hosts).toEqual([{ host_id: "alpha" }]);
  });
});
