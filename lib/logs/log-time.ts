/**
 * An engine log timestamp (RFC3339 with up to nanoseconds) as nanoseconds since the epoch. Strings cannot be
 * compared as they come: the engine trims trailing zeros, so ".1Z" sorts after ".12Z". null when unreadable.
 */
export function logTimeNanos(ts: string): bigint | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(ts);
  if (!match) return null;
  const seconds = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(seconds)) return null;
  return BigInt(seconds) * 1_000_000n + BigInt((match[2] ?? "").padEnd(9, "0"));
}
