import type { ContainerRow, StateCounts } from "./types";

export function emptyCounts(): StateCounts {
  return {
    total: 0,
    running: 0,
    paused: 0,
    restarting: 0,
    exited: 0,
    dead: 0,
    created: 0,
    unhealthy: 0,
    attention: 0,
  };
}

/** A host card's counts; `attention` counts the rows the server flags, the same ones the page lists. */
export function countStates(rows: Pick<ContainerRow, "state" | "health" | "attention">[]): StateCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    counts.total += 1;
    if (row.state !== "removing") counts[row.state] += 1;
    if (row.health === "unhealthy") counts.unhealthy += 1;
    if (row.attention) counts.attention += 1;
  }
  return counts;
}
