import type { ContainerRow, StateCounts } from "./types";

export function emptyCounts(): StateCounts {
  return { total: 0, running: 0, paused: 0, restarting: 0, exited: 0, dead: 0, created: 0, unhealthy: 0 };
}

export function countStates(rows: Pick<ContainerRow, "state" | "health">[]): StateCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    counts.total += 1;
    if (row.state !== "removing") counts[row.state] += 1;
    if (row.health === "unhealthy") counts.unhealthy += 1;
  }
  return counts;
}
