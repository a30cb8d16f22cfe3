import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { findHost } from "@/lib/docker/load-fleet";
import { openLogReader } from "@/lib/docker/open-log-reader";
import type { ContainerParams } from "@/lib/fleet/schemas";
import { logTimeNanos } from "./log-time";
import type { OlderLinesQuery } from "./schemas";
import type { LogEntry, OlderLinesResponse } from "./types";

// Beyond this many lines from the end, one read from the start up to the moment is cheaper than more tails.
const MAX_TAIL = 64_000;

/**
 * GET /api/containers/{hostId}/{nameOrId}/logs/older: the `limit` lines written before `before` (an engine
 * timestamp), oldest first, and whether older ones remain. The engine applies `tail` before `until` (a tail
 * with `until` comes back empty), so this reads ever longer tails, starting from `after` (about how many lines
 * were written since `before`), and cuts them here; far back, it reads from the start with `until` instead.
 * Lines of the very nanosecond of `before` are left out: they are the page's first line.
 */
export async function readOlderLines(
  params: ContainerParams,
  query: OlderLinesQuery,
): Promise<OlderLinesResponse> {
  const host = findHost(params.hostId);
  const cut = logTimeNanos(query.before)!;
  const older = (entries: LogEntry[]) =>
    entries.filter((entry) => {
      const at = entry.ts ? logTimeNanos(entry.ts) : null;
      return at !== null && at < cut;
    });
  const page = (kept: LogEntry[], more: boolean): OlderLinesResponse => ({
    lines: kept.slice(-query.limit),
    more: more || kept.length > query.limit,
  });
  try {
    const reader = await openLogReader(host, params.nameOrId);
    for (let tail = Math.max(2 * query.limit, query.after + query.limit + 100); tail <= MAX_TAIL; tail *= 2) {
      const entries = await reader.read({ tail });
      const kept = older(entries);
      // Fewer lines than asked for: that was the whole log.
      if (entries.length < tail) return page(kept, false);
      if (kept.length > query.limit) return page(kept, true);
    }
    // The engine's `until` takes seconds with a fraction.
    const until = `${cut / 1_000_000_000n}.${(cut % 1_000_000_000n).toString().padStart(9, "0")}`;
    return page(older(await reader.read({ until })), false);
  } catch (error) {
    throw toWharfError(error, host, params.nameOrId);
  }
}
