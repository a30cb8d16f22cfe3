import type { ContainerSummary } from "@/lib/docker/list-container-summaries";
import { healthOf } from "../status-line";
import type { ContainerRow } from "../types";

/**
 * The containers whose listing disagrees with the rows held: missed creations, removals, state or health
 * changes (the engine drops events for a subscriber that falls behind). Each is worth one more inspect.
 */
export function driftedIds(summaries: ContainerSummary[], rows: ContainerRow[]): string[] {
  const held = new Map(rows.map((row) => [row.id, row]));
  const drifted: string[] = [];
  for (const summary of summaries) {
    const row = held.get(summary.id);
    held.delete(summary.id);
    const healthDiffers = row?.state === "running" && row.health !== healthOf(summary.status);
    if (!row || row.state !== summary.state || healthDiffers) drifted.push(summary.id);
  }
  return [...drifted, ...held.keys()];
}
