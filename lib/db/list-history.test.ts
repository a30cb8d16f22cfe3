import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HistoryPageRequest } from "@/lib/history/types";
import { openDb, type Db } from "./db";
import { historyPageQuery, listHistory } from "./list-history";
import { insertHistory, type TestHistory } from "./test-history";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const at = (day: number, hour = 10) =>
  `2025-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;
const add = (overrides: TestHistory = {}) => insertHistory(db, overrides).id;
const ids = (request: HistoryPageRequest = {}) => listHistory(db, request).entries.map((e) => e.id);

/** Every page of a listing, following nextCursor to the end. */
function allPages(request: HistoryPageRequest) {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = listHistory(db, { ...request, cursor });
    pages.push(page.entries.map((e) => e.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("listHistory", () => {
  it("lists newest first, the later-recorded first when two happened at the same time", () => {
    const middle = add({ at: at(2) });
    const oldest = add({ at: at(1) });
    const tieFirst = add({ at: at(3) });
    const tieSecond = add({ at: at(3) });
    expect(ids()).toEqual([tieSecond, tieFirst, middle, oldest]);
    expect(listHistory(db).entries[0]).toMatchObject({
      id: tieSecond,
      hostId: "alpha",
      containerName: "api",
      outcome: "succeeded",
    });
  });

  it("keeps deploys alone, and leaves out removes made outside Wharf, when asked", () => {
    const redeploy = add({ at: at(1) });
    const restart = add({ at: at(2), action: "restart" });
    const rollback = add({ at: at(3), action: "rollback" });
    const externalRemove = add({ at: at(4), action: "remove", source: "external", actor: "external" });
    const externalRedeploy = add({ at: at(5), source: "external", actor: "external" });
    expect(ids({ deploys: "only" })).toEqual([externalRedeploy, rollback, redeploy]);
    expect(ids({ externalRemoves: "hide" })).toEqual([externalRedeploy, rollback, restart, redeploy]);
    expect(ids({ externalRemoves: "show" })).toEqual([
      externalRedeploy,
      externalRemove,
      rollback,
      restart,
      redeploy,
    ]);
    expect(ids({ deploys: "only", hostId: "alpha", externalRemoves: "hide" })).toEqual([
      externalRedeploy,
      rollback,
      redeploy,
    ]);
  });

  it("filters by host, container, actor, action and outcome, alone and together", () => {
    const apiAlpha = add({ at: at(1) });
    const workerAlpha = add({ at: at(2), containerName: "worker", actor: "bob", action: "restart" });
    const apiBeta = add({ at: at(3), hostId: "beta", outcome: "failed", error: "pull failed" });
    const running = add({ at: at(4), hostId: "beta", containerName: "worker", outcome: null });

    expect(ids({ hostId: "beta" })).toEqual([running, apiBeta]);
    expect(ids({ containerName: "api" })).toEqual([apiBeta, apiAlpha]);
    expect(ids({ hostId: "alpha", containerName: "api" })).toEqual([apiAlpha]);
    expect(ids({ actor: "bob" })).toEqual([workerAlpha]);
    expect(ids({ action: "restart" })).toEqual([workerAlpha]);
    expect(ids({ outcome: "failed" })).toEqual([apiBeta]);
    expect(ids({ outcome: "running" })).toEqual([running]);
    expect(ids({ outcome: "succeeded", hostId: "alpha", action: "redeploy" })).toEqual([apiAlpha]);
    expect(ids({ hostId: "alph" })).toEqual([]);
  });

  it("takes `from` inclusive and `to` exclusive", () => {
    const first = add({ at: at(1) });
    const second = add({ at: at(2) });
    const third = add({ at: at(3) });
    expect(ids({ from: at(2) })).toEqual([third, second]);
    expect(ids({ to: at(2) })).toEqual([first]);
    expect(ids({ from: at(1), to: at(3) })).toEqual([second, first]);
    expect(ids({ from: at(2), to: at(2, 11) })).toEqual([second]);
  });

  it("pages through every row once, in order, also across runs of equal times, and ends with a null cursor", () => {
    db.transaction(() => {
      // 5 rows per instant: page boundaries fall in the middle of ties.
      for (let i = 0; i < 53; i++)
        add({ at: at(1 + Math.floor(i / 5)), hostId: i % 3 === 0 ? "beta" : "alpha" });
    })();
    const everything = ids({ limit: 1000 });
    const pages = allPages({ limit: 7 });
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 4]);
    expect(pages.flat()).toEqual(everything);

    const beta = ids({ hostId: "beta", limit: 1000 });
    expect(allPages({ hostId: "beta", limit: 4 }).flat()).toEqual(beta);
    const window = ids({ from: at(3), to: at(9), limit: 1000 });
    expect(window).toHaveLength(30);
    expect(allPages({ from: at(3), to: at(9), limit: 6 }).flat()).toEqual(window);
  });

  it("has no next page when the last page is exactly full", () => {
    for (let i = 0; i < 6; i++) add({ at: at(1) });
    expect(allPages({ limit: 3 }).map((p) => p.length)).toEqual([3, 3]);
  });

  it("keeps the next page where it was when rows are recorded in between", () => {
    for (let i = 1; i <= 6; i++) add({ at: at(i) });
    const first = listHistory(db, { limit: 3 });
    add({ at: at(20) });
    const second = listHistory(db, { limit: 3, cursor: first.nextCursor! });
    expect([...first.entries, ...second.entries].map((e) => e.at)).toEqual(
      [6, 5, 4, 3, 2, 1].map((d) => at(d)),
    );
  });

  it("returns 100 by default, never more than 1000 nor fewer than 1", () => {
    db.transaction(() => {
      for (let i = 0; i < 1005; i++) add({ at: at(1 + (i % 28)) });
    })();
    expect(ids()).toHaveLength(100);
    expect(ids({ limit: 5 })).toHaveLength(5);
    expect(ids({ limit: 5000 })).toHaveLength(1000);
    expect(ids({ limit: 0 })).toHaveLength(1);
  });

  it("rejects a cursor it did not write, naming the parameter", () => {
    for (const cursor of [
      "nonsense",
      Buffer.from("yesterday|3").toString("base64url"),
      Buffer.from(`${at(1)}|x`).toString("base64url"),
    ]) {
      expect(() => listHistory(db, { cursor })).toThrow(
        expect.objectContaining({ code: "VALIDATION", message: expect.stringContaining("cursor") }),
      );
    }
  });
});

describe("the SQL of a page", () => {
  const plan = (request: HistoryPageRequest) => {
    const { sql, values, limit } = historyPageQuery(request);
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values, limit + 1) as { detail: string }[];
    return rows.map((r) => r.detail).join(" | ");
  };
  const cursor = (request: HistoryPageRequest) => {
    for (let i = 0; i < 3; i++) add({ at: at(1 + i), actor: "bob", containerName: "api", hostId: "alpha" });
    return listHistory(db, { ...request, limit: 1 }).nextCursor!;
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

  it("starts a later page at the cursor in the index, so a deep page costs what the first does", () => {
    expect(
      plan({
        hostId: "alpha",
        containerName: "api",
        cursor: cursor({ hostId: "alpha", containerName: "api" }),
      }),
    ).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_container (host_id=? AND container_name=? AND at<?)",
    );
    expect(plan({ actor: "bob", cursor: cursor({ actor: "bob" }) })).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_actor (actor=? AND at<?)",
    );
    expect(plan({ from: at(1), to: at(5), cursor: cursor({ from: at(1), to: at(5) }) })).toBe(
      "SEARCH deploy_history USING INDEX deploy_history_by_time (at>? AND at<?)",
    );
    expect(historyPageQuery({ to: at(5), cursor: cursor({ to: at(5) }) }).sql).not.toContain("at < ?");
  });

  it("walks the newest-first index when nothing is filtered, or only what most rows are", () => {
    expect(plan({})).toBe("SCAN deploy_history USING INDEX deploy_history_by_time");
    expect(plan({ outcome: "succeeded" })).toBe("SCAN deploy_history USING INDEX deploy_history_by_time");
    // Migration 11's partial index holds the redeploys alone, newest last: walked backwards, every row matches.
    expect(plan({ action: "redeploy" })).toBe("SCAN deploy_history USING INDEX deploy_history_deploys");
  });
});
