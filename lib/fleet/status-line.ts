import type { ContainerRow } from "./types";

/** The health a list entry's status line shows: "Up 3 minutes (unhealthy)". */
export function healthOf(status: string): ContainerRow["health"] {
  if (status.includes("(unhealthy)")) return "unhealthy";
  if (status.includes("(healthy)")) return "healthy";
  if (status.includes("(health: starting)")) return "starting";
  return null;
}

/** The exit code a list entry's status line shows: "Exited (3) 2 minutes ago"; null when it shows none. */
export function exitCodeOf(status: string): number | null {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match ? Number(match[1]) : null;
}
