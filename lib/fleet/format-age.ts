import type { ContainerRow } from "./types";

/** "3 h", "5 min", "2 d": short enough for a table cell, precise enough to tell a fresh crash from an old one. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** The age column: how long a container has been up, or how long ago it stopped. */
export function describeAge(
  row: Pick<ContainerRow, "state" | "startedAt" | "finishedAt" | "createdAt">,
  now: number,
): string {
  const since = (iso: string | null) => (iso ? formatDuration(now - Date.parse(iso)) : null);
  switch (row.state) {
    case "running":
    case "paused": {
      const up = since(row.startedAt);
      return up ? `up ${up}` : "up";
    }
    case "restarting":
      return row.finishedAt ? `restarting, last exit ${since(row.finishedAt)} ago` : "restarting";
    case "created":
      return `created ${since(row.createdAt)} ago`;
    default: {
      const ago = since(row.finishedAt);
      return ago ? `exited ${ago} ago` : `${row.state}, never started`;
    }
  }
}
