import type { ContainerRow } from "./types";

export const sortKeys = [
  "host",
  "name",
  "project",
  "image",
  "state",
  "exitCode",
  "oom",
  "restartCount",
  "age",
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = "asc" | "desc";

// Problems first when sorting by state: that is what someone sorting by state is looking for.
const stateRank: Record<string, number> = {
  dead: 0,
  restarting: 1,
  exited: 2,
  removing: 3,
  paused: 4,
  created: 5,
  running: 6,
};

function compareBy(key: SortKey, a: ContainerRow, b: ContainerRow): number {
  switch (key) {
    case "host":
      return a.hostId.localeCompare(b.hostId);
    case "name":
      return a.name.localeCompare(b.name);
    case "project":
      return (a.compose?.project ?? "\uffff").localeCompare(b.compose?.project ?? "\uffff");
    case "image":
      return a.image.localeCompare(b.image);
    case "state": {
      const attention = Number(a.attention === null) - Number(b.attention === null);
      return attention || (stateRank[a.state] ?? 9) - (stateRank[b.state] ?? 9);
    }
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

/** Newest moment a container changed; "age" ascending puts the most recent change first. */
function ageOf(row: ContainerRow): number {
  const when =
    row.state === "running" || row.state === "paused" ? row.startedAt : (row.finishedAt ?? row.createdAt);
  return when ? Date.parse(when) : 0;
}

export function sortContainers<T extends ContainerRow>(
  rows: T[],
  key: SortKey,
  direction: SortDirection,
): T[] {
  const sign = direction === "asc" ? 1 : -1;
  // Host then name breaks ties, so equal rows never jump around between refreshes.
  return [...rows].sort(
    (a, b) => sign * compareBy(key, a, b) || a.hostId.localeCompare(b.hostId) || a.name.localeCompare(b.name),
  );
}
