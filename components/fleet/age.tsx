"use client";
import { formatUtc } from "@/lib/core/format-utc";
import { describeAge } from "@/lib/fleet/format-age";
import type { ContainerRow } from "@/lib/fleet/types";
import { useTick } from "./use-tick";

type AgeRow = Pick<ContainerRow, "state" | "startedAt" | "finishedAt" | "createdAt">;

/** "up 9 s", ticking; the moment it counts from, in UTC, is in the tooltip. */
export function Age({ row, className }: { row: AgeRow; className?: string }) {
  const now = useTick();
  const from = row.state === "running" || row.state === "paused" ? row.startedAt : row.finishedAt;
  const text = describeAge(row, now);
  return (
    <span
      data-testid="age"
      className={className}
      // The server's clock wrote this in the page's HTML (use-tick.ts); the browser's own follow.
      suppressHydrationWarning
      title={from ? `${text} — since ${formatUtc(from)}` : text}
    >
      {text}
    </span>
  );
}
