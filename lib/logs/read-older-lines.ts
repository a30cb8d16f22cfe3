import "server-only";
import { ConcurrencyLimit } from "@/lib/core/concurrency-limit";
import { WharfError } from "@/lib/core/errors";
import { toWharfError } from "@/lib/docker/engine-error";
import { findHost } from "@/lib/docker/load-fleet";
import { openLogReader, type LogReader } from "@/lib/docker/open-log-reader";
import type { LogEntry } from "@/lib/docker/types";
import type { ContainerParams } from "@/lib/fleet/schemas";
import { logTimeNanos } from "./log-time";
import { LineRing } from "./line-ring";
import type { OlderLinesQuery } from "./schemas";
import type { OlderLinesResponse } from "./types";

// Beyond this many lines from the end, reading back by time is cheaper than more tails.
const MAX_TAIL = 64_000;
/** What one engine read may send before it is cut off; a window that big is read again narrower. */
export const SCAN_BYTES = 8 * 1024 * 1024;
/** What one request may read from the engine in all: past it, the answer is a refusal, not a wait. */
export const REQUEST_BYTES = 64 * 1024 * 1024;
const FIRST_WINDOW_NS = 60n * 1_000_000_000n;
const DEADLINE_MS = 60_000;

// Each read holds an engine stream and up to `limit` lines: a few per caller, a few more in all.
const reads = new ConcurrencyLimit("older-log-lines", {
  perKey: 2,
  total: 6,
  what: "Reading older log lines",
});

/**
 * GET /api/containers/{hostId}/{nameOrId}/logs/older: the `limit` lines written before `before` (an engine
 * timestamp), oldest first, and whether older ones remain. Lines of the very nanosecond of `before` are left
 * out: they are the page's first line. The log is streamed and only the lines asked for are kept, so memory
 * stays at `limit` lines however long the log; what is read from the engine is bounded too (REQUEST_BYTES).
 */
export function readOlderLines(
  params: ContainerParams,
  query: OlderLinesQuery,
  caller: string,
): Promise<OlderLinesResponse> {
  return reads.run(caller, async () => {
    const host = findHost(params.hostId);
    const cut = logTimeNanos(query.before)!;
    const signal = AbortSignal.timeout(DEADLINE_MS);
    const budget = { left: REQUEST_BYTES };
    try {
      const reader = await openLogReader(host, params.nameOrId);
      const fromTails = await fromTail(reader, cut, query, budget, signal);
      return fromTails ?? (await byTime(reader, cut, query.limit, budget, signal));
    } catch (error) {
      if (error instanceof WharfError) throw error;
      if (signal.aborted)
        throw new WharfError(
          "HOST_UNREACHABLE",
          `Reading the log of ${params.nameOrId} on ${host.name} took over ${DEADLINE_MS / 1000} s`,
        );
      throw toWharfError(error, host, params.nameOrId);
    }
  });
}

type Budget = { left: number };
const page = (lines: LogEntry[], limit: number, more: boolean): OlderLinesResponse => ({
  lines: lines.slice(-limit),
  more: more || lines.length > limit,
});
const atOf = (entry: LogEntry) => (entry.ts ? logTimeNanos(entry.ts) : null);

/**
 * The engine applies `tail` before `until` (a tail with `until` comes back empty), so near the end the log is
 * read in ever longer tails, from `after` (about how many lines were written since `before`), keeping only the
 * last lines before the cut. Null when the lines are further back than tails go.
 */
async function fromTail(
  reader: LogReader,
  cut: bigint,
  query: OlderLinesQuery,
  budget: Budget,
  signal: AbortSignal,
): Promise<OlderLinesResponse | null> {
  // Each longer tail reads the shorter one's lines again: tails together get one scan's bytes, then time takes over.
  let left = Math.min(SCAN_BYTES, budget.left);
  for (let tail = Math.max(2 * query.limit, query.after + query.limit + 100); tail <= MAX_TAIL; tail *= 2) {
    const ring = new LineRing(query.limit + 1);
    let seen = 0;
    const scan = await reader.scan({ tail }, left, signal, (lines) => {
      seen += lines.length;
      for (const line of lines) {
        const at = atOf(line);
        if (at !== null && at < cut) ring.push(line);
      }
    });
    budget.left -= scan.bytes;
    left -= scan.bytes;
    if (scan.ended === "cap") return null;
    // Fewer lines than asked for: that was the whole log.
    if (seen < tail) return page(ring.lines(), query.limit, false);
    if (ring.size > query.limit) return page(ring.lines(), query.limit, true);
    if (left <= 0) return null;
  }
  return null;
}

/**
 * Further back: windows of time before the cut, each read with `since` and `until` and kept to the lines still
 * wanted, widening while they come back small and narrowing when one is too big to read at once, down to the
 * container's creation.
 */
async function byTime(
  reader: LogReader,
  cut: bigint,
  limit: number,
  budget: Budget,
  signal: AbortSignal,
): Promise<OlderLinesResponse> {
  const created = BigInt(reader.createdAt) * 1_000_000n;
  let found: LogEntry[] = [];
  let upper = cut;
  let width = FIRST_WINDOW_NS;
  while (budget.left > 0) {
    const since = upper - width > created ? upper - width : created;
    const ring = new LineRing(limit + 1 - found.length);
    const scan = await reader.scan(
      { since: engineSeconds(since), until: engineSeconds(upper) },
      Math.min(SCAN_BYTES, budget.left),
      signal,
      (lines) => {
        for (const line of lines) {
          const at = atOf(line);
          if (at !== null && at >= since && at < upper) ring.push(line);
        }
      },
    );
    budget.left -= scan.bytes;
    if (scan.ended === "cap") {
      // A window too dense to read at once (or the budget spent): narrower, from the same end.
      if (width < 1_000_000n) break;
      width /= 8n;
      continue;
    }
    found = [...ring.lines(), ...found];
    if (found.length > limit) return page(found, limit, true);
    if (since <= created) return page(found, limit, false);
    upper = since;
    if (scan.bytes < SCAN_BYTES / 4) width *= 4n;
  }
  throw new WharfError(
    "RATE_LIMITED",
    `Reading this far back in the log would take more than ${REQUEST_BYTES / 1024 / 1024} MB from the engine: read it on the host (docker logs --until)`,
  );
}

/** The engine's `since`/`until`: seconds with a fraction. */
function engineSeconds(nanos: bigint): string {
  return `${nanos / 1_000_000_000n}.${(nanos % 1_000_000_000n).toString().padStart(9, "0")}`;
}
