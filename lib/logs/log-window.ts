import type { LogEntry } from "@/lib/docker/types";
import { stripAnsi } from "./parse-ansi";

/** A line as the viewer keeps it: a stable key for the list, and the text without escape codes for filters. */
export type ViewLine = LogEntry & { seq: number; plain: string };

// The page keeps at most this many lines; older ones scroll out of memory as newer ones arrive.
export const LOG_CAPACITY = 10_000;

export function toViewLines(entries: LogEntry[], firstSeq: number): ViewLine[] {
  return entries.map((entry, index) => ({ ...entry, seq: firstSeq + index, plain: stripAnsi(entry.text) }));
}

/**
 * Appends a frame's worth of lines, keeping the newest `capacity`. Returns a new array (React state) and how
 * many lines left at the top.
 */
export function appendCapped(
  lines: ViewLine[],
  batch: ViewLine[],
  capacity = LOG_CAPACITY,
): { lines: ViewLine[]; dropped: number } {
  if (batch.length === 0) return { lines, dropped: 0 };
  const overflow = Math.max(0, lines.length + batch.length - capacity);
  if (overflow === 0) return { lines: lines.concat(batch), dropped: 0 };
  if (overflow >= lines.length) return { lines: batch.slice(batch.length - capacity), dropped: overflow };
  return { lines: lines.slice(overflow).concat(batch), dropped: overflow };
}

/**
 * Lines waiting for the next frame. When more are waiting than the page can hold, the browser has fallen
 * behind: it skips to the tail, keeping the newest `capacity`, and counts the rest as skipped — they would have
 * left the buffer without ever being shown.
 */
export function takeTail(
  pending: ViewLine[],
  capacity = LOG_CAPACITY,
): { kept: ViewLine[]; skipped: number } {
  if (pending.length <= capacity) return { kept: pending, skipped: 0 };
  return { kept: pending.slice(pending.length - capacity), skipped: pending.length - capacity };
}

/** The buffer as a text file: what the reader sees, without colour codes, with timestamps when shown. */
export function toText(lines: ViewLine[], timestamps: boolean): string {
  return (
    lines.map((line) => (timestamps && line.ts ? `${line.ts} ${line.plain}` : line.plain)).join("\n") +
    (lines.length ? "\n" : "")
  );
}
