import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** The engine time (seconds) of the last event Wharf applied for a host, kept across restarts. */
export function readHostCursor(db: Db, hostId: string): number | null {
  const row = cachedStatement(
    db,
    "SELECT last_event_seconds AS seconds FROM host_cursors WHERE host_id = ?",
  ).get(hostId) as { seconds: number } | undefined;
  return row?.seconds ?? null;
}

export function saveHostCursor(db: Db, hostId: string, seconds: number): void {
  cachedStatement(
    db,
    `INSERT INTO host_cursors (host_id, last_event_seconds) VALUES (?, ?)
     ON CONFLICT (host_id) DO UPDATE SET last_event_seconds = excluded.last_event_seconds`,
  ).run(hostId, seconds);
}
