/** A line with a sort key made once: its timestamp with nine fraction digits, so strings order as times. */
export type Timed = { key: string };

/**
 * "2026-12-01T05:19:03.1Z" → "2026-12-01T05:19:03.100000000Z". The engine trims trailing zeros, and only the
 * padded form compares correctly as a string. A line without a readable UTC timestamp sorts first.
 */
export function timeKey(ts: string | null): string {
  const match = ts ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(ts) : null;
  return match ? `${match[1]}.${(match[2] ?? "").padEnd(9, "0")}Z` : "";
}

/**
 * Merges a batch into lines already in time order, in one linear pass (the batch is sorted first). Lines of
 * the same instant keep their arrival order.
 */
export function mergeByTime<T extends Timed>(sorted: T[], batch: T[]): T[] {
  if (batch.length === 0) return sorted;
  const incoming = [...batch].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const last = sorted.at(-1);
  if (!last || last.key <= incoming[0]!.key) return sorted.concat(incoming);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length && j < incoming.length)
    out.push(sorted[i]!.key <= incoming[j]!.key ? sorted[i++]! : incoming[j++]!);
  while (i < sorted.length) out.push(sorted[i++]!);
  while (j < incoming.length) out.push(incoming[j++]!);
  return out;
}
