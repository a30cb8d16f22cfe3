import { describe, expect, it } from "vitest";
import { countStates, emptyCounts } from "./count-states";
import type { ContainerRow } from "./types";

type Row = Pick<ContainerRow, "state" | "health" | "attention">;
const row = (state: Row["state"], health: Row["health"] = null, attention: Row["attention"] = null): Row => ({
  state,
  health,
  attention,
});

describe("countStates", () => {
  it("counts nothing for an empty host", () => {
    expect(countStates([])).toEqual(emptyCounts());
    expect(Object.values(emptyCounts()).every((n) => n === 0)).toBe(true);
  });

  it("counts each state, and unhealthy on top of the state", () => {
    const rows = [
      row("running", "healthy"),
      row("running", "unhealthy", "unhealthy"),
      row("running", null, "restart-loop"),
      row("paused", "unhealthy", "unhealthy"),
      row("restarting", null, "restart-loop"),
      row("exited", null, "exit"),
      row("exited"),
      row("dead", null, "dead"),
      row("created"),
    ];
    expect(countStates(rows)).toEqual({
      total: 9,
      running: 3,
      paused: 1,
      restarting: 1,
      exited: 2,
      dead: 1,
      created: 1,
      unhealthy: 2,
      attention: 6,
    });
  });

  it("includes a container being removed in the total only", () => {
    const counts = countStates([row("removing"), row("running")]);
    expect(counts.total).toBe(2);
    expect(counts.running).toBe(1);
    const perState =
      counts.running + counts.paused + counts.restarting + counts.exited + counts.dead + counts.created;
    expect(perState).toBe(1);
  });

  it("returns fresh counts each time", () => {
    const first = emptyCounts();
    first.running = 5;
    expect(emptyCounts().running).toBe(0);
    expect(countStates([row("running")]).running).toBe(1);
  });
});
