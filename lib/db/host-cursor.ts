import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/**
 * The engine time (ms, with the sub-millisecond part of the engine's nanoseconds) of the last event Wharf
 * applied for a host, kept across restarts.
 */
export function readHostCursor(db: Db, hostId: string): number | null {
  const row = cachedStatement(db, "SELECT last_event_ms AS ms FROM host_cursors WHERE host_id = ?").get(
    hostId,
  ) as { ms: number } | undefined;
  return row?.ms ?? null;
}

export function saveHostCursor(db: Db, hostId: string, ms: number): void {
  cachedStatement(
    db,
    `INSERT INTO host_cursors (host_id, last_event_ms) VALUES (?, ?)
     ON CONFLICT (host_id) DO UPDATE SET last_event_ms = excluded.last_event_ms`,
  ).run(hostId, ms);
}
