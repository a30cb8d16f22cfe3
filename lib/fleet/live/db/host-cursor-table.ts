import "server-only";

/**
 * host_cursors: the engine time (ms, with the sub-millisecond part of the engine's nanoseconds) of the last
 * event Wharf applied for a host, kept across restarts. REAL on SQLite, DOUBLE PRECISION on PostgreSQL.
 */
export type HostCursorTable = { host_id: string; last_event_ms: number };

/** The tables the live fleet owns; lib/startup/database.ts composes every feature's into the whole database. */
export type LiveFleetTables = { host_cursors: HostCursorTable };
