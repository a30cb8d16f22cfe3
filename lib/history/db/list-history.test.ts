import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HistoryPageRequest } from "@/lib/history/types";
import { dialects, freshDatabase, type TestDatabase } from "@/tests/support/dialects";
import type { HistoryTables } from "./history-table";
import { historyPageQuery, listHistory } from "./list-history";
import { insertHistory, type TestHistory } from "./test-history";

const at = (day: number, hour = 10) =>
  `2025-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;

describe.each(dialects)("listHistory on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
  });
  afterAll(() => test?.close());
  beforeEach(async () => {
    await db.deleteFrom("deploy_journal").execute();
    await db.deleteFrom("deploy_history").execute();
  });

  const add = async (overrides: TestHistory = {}) => (await insertHistory(db, overrides)).id;
  const ids = async (request: HistoryPageRequest = {}) =>
    (await listHistory(db, request)).entries.map((e) => e.id);
  /** Many rows in one transaction (one write on SQLite, one round trip's worth of commits on PostgreSQL). */
  const addMany = (count: number, overrides: (i: number) => TestHistory) =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++) await insertHistory(trx, overrides(i));
    });

  /** Every page of a listing, following nextCursor to the end. */
  async function allPages(request: HistoryPageRequest) {
    const pages: number[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listHistory(db, { ...request, cursor });
      pages.push(page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 100);
    return pages;
  }

  describe("a page", () => {
    it("lists newest first, the later-recorded first when two happened at the same time", async () => {
      const middle = await add({ at: at(2) });
      const oldest = await add({ at: at(1) });
      const tieFirst = await add({ at: at(3) });
      const tieSecond = await add({ at: at(3) });
      expect(await ids()).toEqual([tieSecond, tieFirst, middle, oldest]);
      expect((await listHistory(db)).entries[0]).toMatchObject({
        id: tieSecond,
        hostId: "alpha",
        containerName: "api",
        outcome: "succeeded",
      });
    });

    it("keeps deploys alone, and leaves out removes made outside Wharf, when asked", async () => {
      const redeploy = await add({ at: at(1) });
      const restart = await add({ at: at(2), action: "restart" });
      const rollback = await add({ at: at(3), action: "rollback" });
      const externalRemove = await add({
        at: at(4),
        action: "remove",
        source: "external",
        actor: "external",
      });
      const externalRedeploy = await add({ at: at(5), source: "external", actor: "external" });
      expect(await ids({ deploys: "only" })).toEqual([externalRedeploy, rollback, redeploy]);
      expect(await ids({ externalRemoves: "hide" })).toEqual([externalRedeploy, rollback, restart, redeploy]);
      expect(await ids({ externalRemoves: "show" })).toEqual([
        externalRedeploy,
        externalRemove,
        rollback,
        restart,
        redeploy,
      ]);
      expect(await ids({ deploys: "only", hostId: "alpha", externalRemoves: "hide" })).toEqual([
        externalRedeploy,
        rollback,
        redeploy,
      ]);
    });

    it("filters by host, container, actor, action and outcome, alone and together", async () => {
      const apiAlpha = await add({ at: at(1) });
      const workerAlpha = await add({ at: at(2), containerName: "worker", actor: "bob", action: "restart" });
      const apiBeta = await add({ at: at(3), hostId: "beta", outcome: "failed", error: "pull failed" });
      const running = await add({ at: at(4), hostId: "beta", containerName: "worker", outcome: null });

      expect(await ids({ hostId: "beta" })).toEqual([running, apiBeta]);
      expect(await ids({ containerName: "api" })).toEqual([apiBeta, apiAlpha]);
      expect(await ids({ hostId: "alpha", containerName: "api" })).toEqual([apiAlpha]);
      expect(await ids({ actor: "bob" })).toEqual([workerAlpha]);
      expect(await ids({ action: "restart" })).toEqual([workerAlpha]);
      expect(await ids({ outcome: "failed" })).toEqual([apiBeta]);
      expect(await ids({ outcome: "running" })).toEqual([running]);
      expect(await ids({ outcome: "succeeded", hostId: "alpha", action: "redeploy" })).toEqual([apiAlpha]);
      expect(await ids({ hostId: "alph" })).toEqual([]);
    });

    it("takes `from` inclusive and `to` exclusive", async () => {
      const first = await add({ at: at(1) });
      const second = await add({ at: at(2) });
      const third = await add({ at: at(3) });
      expect(await ids({ from: at(2) })).toEqual([third, second]);
      expect(await ids({ to: at(2) })).toEqual([first]);
      expect(await ids({ from: at(1), to: at(3) })).toEqual([second, first]);
      expect(await ids({ from: at(2), to: at(2, 11) })).toEqual([second]);
    });

    it("pages through every row once, in order, also across runs of equal times, and ends with a null cursor", async () => {
      // 5 rows per instant: page boundaries fall in the middle of ties.
      await addMany(53, (i) => ({ at: at(1 + Math.floor(i / 5)), hostId: i % 3 === 0 ? "beta" : "alpha" }));
      const everything = await ids({ limit: 1000 });
      const pages = await allPages({ limit: 7 });
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 4]);
      expect(pages.flat()).toEqual(everything);

      const beta = await ids({ hostId: "beta", limit: 1000 });
      expect((await allPages({ hostId: "beta", limit: 4 })).flat()).toEqual(beta);
      const window = await ids({ from: at(3), to: at(9), limit: 1000 });
      expect(window).toHaveLength(30);
      expect((await allPages({ from: at(3), to: at(9), limit: 6 })).flat()).toEqual(window);
    });

    it("has no next page when the last page is exactly full", async () => {
      for (let i = 0; i < 6; i++) await add({ at: at(1) });
      expect((await allPages({ limit: 3 })).map((p) => p.length)).toEqual([3, 3]);
    });

    it("keeps the next page where it was when rows are recorded in between", async () => {
      for (let i = 1; i <= 6; i++) await add({ at: at(i) });
      const first = await listHistory(db, { limit: 3 });
      await add({ at: at(20) });
      const second = await listHistory(db, { limit: 3, cursor: first.nextCursor! });
      expect([...first.entries, ...second.entries].map((e) => e.at)).toEqual(
        [6, 5, 4, 3, 2, 1].map((d) => at(d)),
      );
    });

    it("returns 100 by default, never more than 1000 nor fewer than 1", async () => {
      await addMany(1005, (i) => ({ at: at(1 + (i % 28)) }));
      expect(await ids()).toHaveLength(100);
      expect(await ids({ limit: 5 })).toHaveLength(5);
      expect(await ids({ limit: 5000 })).toHaveLength(1000);
      expect(await ids({ limit: 0 })).toHaveLength(1);
    });

    it("rejects a cursor it did not write, naming the parameter", async () => {
      for (const cursor of [
        "nonsense",
        Buffer.from("yesterday|3").toString("base64url"),
        Buffer.from(`${at(1)}|x`).toString("base64url"),
      ]) {
        await expect(listHistory(db, { cursor })).rejects.toMatchObject({
          code: "VALIDATION",
          message: expect.stringContaining("cursor"),
        });
      }
    });
  });
});

describe("the plan of a page on SQLite", () => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase("sqlite");
    db = test.db;
  });
  afterAll(() => test?.close());

  const plan = (request: HistoryPageRequest) => {
    const { sql, parameters } = historyPageQuery(db, request).query.compile();
    const rows = test
      .sqlite!.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(parameters as (string | number | null)[])) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail).join(" | ");
  };
  const cursor = async (request: HistoryPageRequest) => {
    for (let i = 0; i < 3; i++)
      await insertHistory(db, { at: at(1 + i), actor: "bob", containerName: "api", hostId: "alpha" });
    return (await listHistory(db, { ...request, limit: 1 })).nextCursor!;
  };

  // Each walks one index newest first and stops after a page: no sort of the matching rows, no table scan.
  it.each<[string, HistoryPageRequest, string]>([
    [
      "host + container",
      { hostId: "alpha", containerName: "api" },
      "deploy_history_by_container (host_id=? AND container_name=?)",
    ],
    ["actor", { actor: "bob" }, "deploy_history_by_actor (actor=?)"],
    ["date range", { from: at(1), to: at(5) }, "deploy_history_by_time (at>? AND at<?)"],
    ["host", { hostId: "alpha" }, "deploy_history_by_host (host_id=?)"],
    ["container", { containerName: "api" }, "deploy_history_by_container_name (container_name=?)"],
    ["outcome", { outcome: "failed" }, "deploy_history_by_rare_outcome (outcome=?)"],
    ["running", { outcome: "running" }, "deploy_history_by_rare_outcome (outcome=?)"],
    ["action", { action: "rollback" }, "deploy_history_by_rare_action (action=?)"],
    ["host + outcome", { hostId: "alpha", outcome: "failed" }, "deploy_history_by_host (host_id=?)"],
    ["actor + action", { actor: "bob", action: "rollback" }, "deploy_history_by_actor (actor=?)"],
    [
      "outcome + action",
      { outcome: "failed", action: "rollback" },
      "deploy_history_by_rare_outcome (outcome=?)",
    ],
    [
      "succeeded + action",
      { outcome: "succeeded", action: "stop" },
      "deploy_history_by_rare_action (action=?)",
    ],
    [
      "host + container + running",
      { hostId: "alpha", containerName: "api", outcome: "running" },
      "deploy_history_by_rare_outcome (outcome=?)",
    ],
    [
      "host + container + actor + range",
      { hostId: "alpha", containerName: "api", actor: "bob", from: at(1), to: at(5) },
      "deploy_history_by_container (host_id=? AND container_name=? AND at>? AND at<?)",
    ],
    [
      "actor + range",
      { actor: "bob", from: at(1), to: at(5) },
      "deploy_history_by_actor (actor=? AND at>? AND at<?)",
    ],
    [
      "outcome + range",
      { outcome: "rolled-back", from: at(1), to: at(5) },
      "deploy_history_by_rare_outcome (outcome=? AND at>? AND at<?)",
    ],
  ])("filtered by %s uses %s", (_, request, index) => {
    const detail = plan(request);
    expect(detail).toBe(`SEARCH deploy_history USING INDEX ${index}`);
  });

  it("starts a later page at the cursor in the index, so a deep page costs what the first does", async () => {
    expect(
      plan({
        hostId: "alpha",
        containerName: "api",
        cursor: await cursor({ hostId: "alpha", containerName: "api" }),
      }),
    ).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_container (host_id=? AND container_name=? AND at<?)",
    );
    expect(plan({ actor: "bob", cursor: await cursor({ actor: "bob" }) })).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_actor (actor=? AND at<?)",
    );
    expect(plan({ from: at(1), to: at(5), cursor: await cursor({ from: at(1), to: at(5) }) })).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_time (at>? AND at<?)",
    );
    const later = historyPageQuery(db, { to: at(5), cursor: await cursor({ to: at(5) }) });
    expect(later.query.compile().sql).not.toContain(`"at" < ?`);
  });

  it("walks the newest-first index when nothing is filtered, or only what most rows are", () => {
    expect(plan({})).toBe("SCAN deploy_history USING INDEX deploy_history_by_time");
    expect(plan({ outcome: "succeeded" })).toBe("SCAN deploy_history USING INDEX deploy_history_by_time");
    // Migration 11's partial index holds the redeploys alone, newest last: walked backwards, every row matches.
    expect(plan({ action: "redeploy" })).toBe("SCAN deploy_history USING INDEX deploy_history_deploys");
  });
});

// PostgreSQL plans by its statistics: with a history of some size (a year of 8 hosts, 400 containers, 7 actors)
// each page walks one index in order and stops after it, with no sort of the matching rows and no table scan.
describe.each(dialects.filter((d) => d === "postgres"))("the plan of a page on %s", (dialect) => {
  let test: TestDatabase;
  let db: Kysely<HistoryTables>;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    db = test.db;
    await sql`
      INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, outcome)
      SELECT to_char(timestamp '2025-01-01' + i * interval '15 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'actor-' || (i % 7), 'ui', (ARRAY['start', 'stop', 'restart', 'redeploy'])[1 + i % 4],
        'host-' || (i % 8), 'app-' || (i % 400), (ARRAY['succeeded', 'succeeded', 'succeeded', 'failed'])[1 + i % 4]
      FROM generate_series(1, 200000) AS i`.execute(db);
    await sql`ANALYZE deploy_history`.execute(db);
  }, 120_000);
  afterAll(() => test?.close());

  const plan = async (request: HistoryPageRequest) => {
    const { sql: text, parameters } = historyPageQuery(db, request).query.compile();
    const rows = await sql
      .raw<{ "QUERY PLAN": string }>(
        `EXPLAIN ${text.replace(/\$(\d+)/g, (_, n) => literalOf(parameters[Number(n) - 1]))}`,
      )
      .execute(db);
    return rows.rows.map((r) => r["QUERY PLAN"]).join("\n");
  };
  const literalOf = (value: unknown) =>
    typeof value === "number" ? String(value) : `'${String(value).replace(/'/g, "''")}'`;

  // A container's few hundred rows are found through its index and sorted (the planner's choice, and cheap); the
  // filters that match a large share of the table walk their index in order and stop after the page.
  it.each<[string, HistoryPageRequest, string, boolean]>([
    ["host + container", { hostId: "host-3", containerName: "app-11" }, "deploy_history_by_container", false],
    ["actor", { actor: "actor-2" }, "deploy_history_by_actor", true],
    [
      "date range",
      { from: "2025-01-10T00:00:00.000Z", to: "2025-01-17T00:00:00.000Z" },
      "deploy_history_by_time",
      true,
    ],
    ["nothing", {}, "deploy_history_by_time", true],
  ])("filtered by %s uses %s", async (_, request, index, ordered) => {
    const page = await listHistory(db, { ...request, limit: 50 });
    for (const cursor of [undefined, page.nextCursor!]) {
      const shown = await plan({ ...request, cursor });
      expect(shown).toMatch(new RegExp(`Index Scan (using|on) ${index}`));
      expect(shown).not.toMatch(/Seq Scan/);
      if (ordered) expect(shown).not.toMatch(/Sort|Bitmap/);
    }
  });
});
