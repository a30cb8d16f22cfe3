import { describe, expect, it } from "vitest";
import { sortContainers, sortKeys, type SortKey } from "./sort-containers";
import { testRow } from "./test-row";
import type { ContainerRow, ContainerState } from "./types";

const states: ContainerState[] = ["running", "exited", "created", "dead", "restarting", "paused"];

// A mixed fleet: names differing in case and digits, ties on every key, rows needing attention, composes.
const rows: ContainerRow[] = Array.from({ length: 60 }, (_, i) =>
  testRow(["bravo", "alpha", "Charlie"][i % 3]!, `id${i}`, {
    name: [`web-${i % 7}`, `Web-${i % 5}`, `db${i % 11}`, `worker_${i}`][i % 4]!,
    image: ["nginx:1.27", "Redis:7", "busybox"][i % 3]!,
    state: states[i % states.length]!,
    attention: i % 9 === 0 ? "exit" : null,
    exitCode: i % 4,
    oomKilled: i % 13 === 0,
    restartCount: i % 3,
    compose: i % 5 === 0 ? null : { project: `proj-${i % 4}`, service: "svc" },
    startedAt: `2024-05-02T09:${String(i % 60).padStart(2, "0")}:00Z`,
    finishedAt: i % 2 ? `2024-05-03T10:${String(i % 60).padStart(2, "0")}:00Z` : null,
  }),
);

// The order as it was defined before keys were computed once: String#localeCompare in the comparator.
const stateRank: Record<string, number> = {
  dead: 0,
  restarting: 1,
  exited: 2,
  removing: 3,
  paused: 4,
  created: 5,
  running: 6,
};
const ageOf = (row: ContainerRow) => {
  const when =
    row.state === "running" || row.state === "paused" ? row.startedAt : (row.finishedAt ?? row.createdAt);
  return when ? Date.parse(when) : 0;
};
function reference(key: SortKey, a: ContainerRow, b: ContainerRow): number {
  switch (key) {
    case "host":
      return a.hostId.localeCompare(b.hostId);
    case "name":
      return a.name.localeCompare(b.name);
    case "project":
      return (a.compose?.project ?? "\uffff").localeCompare(b.compose?.project ?? "\uffff");
    case "image":
      return a.image.localeCompare(b.image);
    case "state":
      return (
        Number(a.attention === null) - Number(b.attention === null) ||
        (stateRank[a.state] ?? 9) - (stateRank[b.state] ?? 9)
      );
    case "exitCode":
      return a.exitCode - b.exitCode;
    case "oom":
      return Number(a.oomKilled) - Number(b.oomKilled);
    case "restartCount":
      return a.restartCount - b.restartCount;
    case "age":
      return ageOf(b) - ageOf(a);
  }
}

describe("sortContainers", () => {
  for (const key of sortKeys)
    for (const dir of ["asc", "desc"] as const)
      it(`orders by ${key} ${dir} as localeCompare does, host then name breaking ties`, () => {
        const sign = dir === "asc" ? 1 : -1;
        const expected = [...rows].sort(
          (a, b) =>
            sign * reference(key, a, b) || a.hostId.localeCompare(b.hostId) || a.name.localeCompare(b.name),
        );
        expect(sortContainers(rows, key, dir).map((row) => row.id)).toEqual(expected.map((row) => row.id));
      });

  it("leaves the given list as it was", () => {
    const before = rows.map((row) => row.id);
    sortContainers(rows, "name", "desc");
    expect(rows.map((row) => row.id)).toEqual(before);
  });
});
