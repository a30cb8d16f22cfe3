"use client";
import { describeAge } from "@/lib/fleet/format-age";
import type { ContainerRow } from "@/lib/fleet/types";
import { useTick } from "./use-tick";

// What Date#toLocaleString() writes, from one formatter: a formatter made per call costs more than the whole row.
const localTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

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
      // The server's clock and time zone wrote this in the page's HTML (use-tick.ts); the browser's own follow.
      suppressHydrationWarning
      title={from ? `${text} — since ${localTime.format(new Date(from))}` : text}
    >
      {text}
    </span>
  );
}
