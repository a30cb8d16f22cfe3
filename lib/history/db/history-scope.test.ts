import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Access } from "@/lib/core/access-rule";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import { countDeploysPerDay } from "./count-deploys-per-day";
import type { HistoryTables } from "./history-table";
import { listHistory } from "./list-history";
import { insertHistory } from "./test-history";

describe.each(dialects)("history seen through grants on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("deploy_history").execute();
    const rows = [
      { hostId: "prod-1", containerName: "shop-web", project: "shop" },
      { hostId: "prod-1", containerName: "shop_db", project: "shop" },
      { hostId: "prod-1", containerName: "Shop-admin", project: null },
      { hostId: "prod-1", containerName: "blog-web", project: "blog" },
      { hostId: "prod-2", containerName: "shop-web", project: "shop" },
    ];
    for (const row of rows) await insertHistory(db, { ...row, service: "web", outcome: "succeeded" });
  });

  const seen = async (access: Access) =>
    (await listHistory(db, { access })).entries.map((e) => `${e.containerName}@${e.hostId}`).sort();

  it("keeps the rows a grant covers: kinds with AND, values with OR, globs minding case", async () => {
    expect(
      await seen({
        grants: [{ role: "viewer", scope: { hosts: ["prod-1"], projects: ["shop"] } }],
        cap: null,
      }),
    ).toEqual(["shop-web@prod-1", "shop_db@prod-1"]);
    expect(await seen({ grants: [{ role: "viewer", scope: { names: ["shop-*"] } }], cap: null })).toEqual([
      "shop-web@prod-1",
      "shop-web@prod-2",
    ]);
    // `_` is a name's own character, not LIKE's wildcard; `?` is one character.
    expect(await seen({ grants: [{ role: "viewer", scope: { names: ["shop?db"] } }], cap: null })).toEqual([
      "shop_db@prod-1",
    ]);
    expect(await seen({ grants: [{ role: "viewer", scope: { names: ["shop-w_b"] } }], cap: null })).toEqual(
      [],
    );
    expect(
      await seen({
        grants: [
          { role: "viewer", scope: { projects: ["blog"] } },
          { role: "operator", scope: { hosts: ["prod-2"] } },
        ],
        cap: null,
      }),
    ).toEqual(["blog-web@prod-1", "shop-web@prod-2"]);
    // A compose service named like a swarm service is not one.
    expect(await seen({ grants: [{ role: "viewer", scope: { services: ["web"] } }], cap: null })).toEqual([]);
    expect(await seen({ grants: [], cap: null })).toEqual([]);
  });

  it("applies a token's cap, and counts only the rows seen in the chart", async () => {
    const access: Access = {
      grants: [{ role: "operator", scope: { projects: ["shop"] } }],
      cap: [{ role: "admin", scope: { hosts: ["prod-2"] } }],
    };
    expect(await seen(access)).toEqual(["shop-web@prod-2"]);
    const timeline = await countDeploysPerDay(db, { access }, { now: Date.parse("2025-03-02T00:00:00Z") });
    expect(timeline.days).toEqual([{ day: "2025-03-01", hostId: "prod-2", outcome: "succeeded", count: 1 }]);
  });
});
