import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { deleteAutohealPolicy } from "./delete-autoheal-policy";
import { listAutohealPolicies } from "./list-autoheal-policies";
import { policyColumns, type AutohealTables } from "./policy-table";
import { saveAutohealPolicy } from "./save-autoheal-policy";

describe.each(dialects)("auto-heal policies on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<AutohealTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("autoheal_policies").execute();
  });

  it("declares every column the migrated table has, and only those", async () => {
    const columns =
      dialect === "sqlite"
        ? await sql<{ name: string }>`SELECT name FROM pragma_table_info('autoheal_policies')`.execute(db)
        : await sql<{ name: string }>`
            SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'autoheal_policies'`.execute(
            db,
          );
    expect(columns.rows.map((c) => c.name).sort()).toEqual([...policyColumns].sort());
  });

  it("saves a policy and reads it back as the API shows it", async () => {
    const saved = await saveAutohealPolicy(
      db,
      { hostId: "alpha", project: null, graceSeconds: 2.5 },
      "admin",
      "2026-01-01T00:00:00.000Z",
    );
    expect(saved).toEqual({
      id: expect.any(Number),
      hostId: "alpha",
      project: null,
      graceSeconds: 2.5,
      createdBy: "admin",
      createdAt: "2026-01-01T00:00:00.000Z",
    });
    expect(await listAutohealPolicies(db)).toEqual([saved]);
  });

  it("keeps one policy per scope: saving a scope again replaces it, with a null part matching a null", async () => {
    const first = await saveAutohealPolicy(db, { hostId: null, project: "shop", graceSeconds: null }, "ann");
    const again = await saveAutohealPolicy(db, { hostId: null, project: "shop", graceSeconds: 30 }, "bob");
    expect(again.id).toBe(first.id);
    expect(await listAutohealPolicies(db)).toEqual([
      expect.objectContaining({
        id: first.id,
        hostId: null,
        project: "shop",
        graceSeconds: 30,
        createdBy: "bob",
      }),
    ]);
  });

  it("lists hosts first, a host's own policy before its projects, then projects on every host", async () => {
    await saveAutohealPolicy(db, { hostId: null, project: "b", graceSeconds: null }, "x");
    await saveAutohealPolicy(db, { hostId: "bravo", project: "a", graceSeconds: null }, "x");
    await saveAutohealPolicy(db, { hostId: "bravo", project: null, graceSeconds: null }, "x");
    await saveAutohealPolicy(db, { hostId: "alpha", project: null, graceSeconds: null }, "x");
    await saveAutohealPolicy(db, { hostId: null, project: "a", graceSeconds: null }, "x");
    const scopes = (await listAutohealPolicies(db)).map((p) => `${p.hostId ?? "*"}/${p.project ?? "*"}`);
    expect(scopes).toEqual(["alpha/*", "bravo/*", "bravo/a", "*/a", "*/b"]);
  });

  it("deletes a policy and answers NOT_FOUND for one that is gone", async () => {
    const saved = await saveAutohealPolicy(db, { hostId: "alpha", project: "web", graceSeconds: 1 }, "x");
    expect(await deleteAutohealPolicy(db, saved.id)).toEqual(saved);
    expect(await listAutohealPolicies(db)).toEqual([]);
    await expect(deleteAutohealPolicy(db, saved.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Auto-heal policy ${saved.id} not found`,
    });
  });

  it("refuses a policy with neither a host nor a project, and a negative grace period", async () => {
    await expect(
      saveAutohealPolicy(db, { hostId: null, project: null, graceSeconds: null }, "x"),
    ).rejects.toThrow(/CHECK|check constraint/i);
    await expect(
      saveAutohealPolicy(db, { hostId: "alpha", project: null, graceSeconds: -1 }, "x"),
    ).rejects.toThrow(/CHECK|check constraint/i);
    expect(await listAutohealPolicies(db)).toEqual([]);
  });
});
