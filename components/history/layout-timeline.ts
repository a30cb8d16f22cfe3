import type { HistoryOutcome, HistoryTimeline } from "@/lib/history/types";

export type Counts = Partial<Record<HistoryOutcome, number>>;
export type TimelineGrid = {
  /** Every UTC day of the span, empty ones included, oldest first. */
  days: string[];
  /** Hosts with at least one deploy in the span, by id. */
  hosts: string[];
  /** `${hostId} ${day}` → counts per outcome. */
  cells: Map<string, Counts>;
  /** The busiest host-day's total: the height of a full lane. */
  max: number;
  totals: Counts;
  total: number;
};

const DAY_MS = 86_400_000;

// The chart never narrows below a week: a single busy day drawn across the whole width reads as a wall.
const MIN_DAYS = 7;

/**
 * Where the lanes start: at the first day with data rather than a month of empty lanes before it, but on
 * `firstDay` when the data reaches back that far, and never less than a week before the last day.
 */
function startOf(timeline: HistoryTimeline): number {
  const first = Date.parse(timeline.firstDay);
  const last = Date.parse(timeline.lastDay);
  if (timeline.days.length === 0) return Math.max(first, last - (MIN_DAYS - 1) * DAY_MS);
  const earliest = Math.min(...timeline.days.map((d) => Date.parse(d.day)));
  return Math.max(first, Math.min(earliest, last - (MIN_DAYS - 1) * DAY_MS));
}

/** The server's sparse counts as the chart's grid: one lane per host, one slot per day. */
export function layoutTimeline(timeline: HistoryTimeline): TimelineGrid {
  const days: string[] = [];
  for (let ms = startOf(timeline); ms <= Date.parse(timeline.lastDay); ms += DAY_MS) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  const cells = new Map<string, Counts>();
  const totals: Counts = {};
  const hosts = new Set<string>();
  let total = 0;
  for (const { day, hostId, outcome, count } of timeline.days) {
    const key = `${hostId} ${day}`;
    const counts = cells.get(key) ?? {};
    const name = outcome ?? "running";
    counts[name] = (counts[name] ?? 0) + count;
    totals[name] = (totals[name] ?? 0) + count;
    cells.set(key, counts);
    hosts.add(hostId);
    total += count;
  }
  const sum = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...[...cells.values()].map(sum));
  return { days, hosts: [...hosts].sort(), cells, max, totals, total };
}
