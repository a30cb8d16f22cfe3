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

// What String#localeCompare() does, from one collator: localeCompare sets one up on every call, and a sort of
// ten thousand rows makes a few hundred thousand comparisons.
const collator = new Intl.Collator();

/** The sort key of a row: compared as numbers or with the collator; computed once per row, not per comparison. */
function keyOf(key: SortKey, row: ContainerRow): number | string {
  switch (key) {
    case "host":
      return row.hostId;
    case "name":
      return row.name;
    case "project":
      return row.compose?.project ?? "\uffff";
    case "image":
      return row.image;
    case "state":
      // Rows needing attention first, then by the state's rank.
      return Number(row.attention === null) * 100 + (stateRank[row.state] ?? 9);
    case "exitCode":
      return row.exitCode;
    case "oom":
      return Number(row.oomKilled);
    case "restartCount":
      return row.restartCount;
    case "age":
      return -ageOf(row);
  }
}

function compareKeys(a: number | string, b: number | string): number {
  return typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
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
  const keys = rows.map((row) => keyOf(key, row));
  const order = rows.map((_, index) => index);
  // Host then name breaks ties, so equal rows never jump around between refreshes.
  order.sort((i, j) => {
    const a = rows[i]!;
    const b = rows[j]!;
    return (
      sign * compareKeys(keys[i]!, keys[j]!) ||
      collator.compare(a.hostId, b.hostId) ||
      collator.compare(a.name, b.name)
    );
  });
  return order.map((index) => rows[index]!);
}
