"use client";
import { describeAge } from "@/lib/fleet/format-age";
import type { ContainerRow } from "@/lib/fleet/types";
import { useTick } from "./use-tick";

type AgeRow = Pick<ContainerRow, "state" | "startedAt" | "finishedAt" | "createdAt">;

/** "up 9 s", ticking; the exact time it counts from is in the tooltip. */
export function Age({ row, className }: { row: AgeRow; className?: string }) {
  const now = useTick();
  const from = row.state === "running" || row.state === "paused" ? row.startedAt : row.finishedAt;
  const text = describeAge(row, now);
  return (
    <span
      data-testid="age"
      className={className}
      title={from ? `${text} — since ${new Date(from).toLocaleString()}` : text}
    >
      {text}
    </span>
  );
}
