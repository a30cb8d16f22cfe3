import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";

export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures of one user from one address before that pair is blocked. */
export const FAILURES_BEFORE_BLOCK = 5;
/** Failures from one address, whatever the names, before the whole address is blocked. */
export const ADDRESS_FAILURES_BEFORE_BLOCK = 20;
const FIRST_BLOCK_MS = 60_000;
const MAX_BLOCK_MS = 60 * 60_000;

type FailureRow = { key: string; count: number; first_at: string; blocked_until: string | null };

export type ThrottleKey = { key: string; failuresBeforeBlock: number };

/**
 * Failures are counted per (address, user) and per address, never per user alone: a count per user would let
 * anyone anywhere lock that user out by failing on purpose, so failures from one address never block a correct
 * password from another. Per pair stops guessing one account; per address, with more room for the typos of
 * several people behind one address, stops trying passwords on many accounts. Names compare without case.
 */
export function throttleKeys(username: string, address: string): [pair: ThrottleKey, address: ThrottleKey] {
  return [
    { key: `pair:${address} ${username.toLowerCase()}`, failuresBeforeBlock: FAILURES_BEFORE_BLOCK },
    { key: `addr:${address}`, failuresBeforeBlock: ADDRESS_FAILURES_BEFORE_BLOCK },
  ];
}

/** Seconds until every key given may try again, or null when none is blocked. */
export function retryAfterSeconds(db: Db, keys: readonly ThrottleKey[], at: number): number | null {
  let until = at;
  for (const { key } of keys) {
    const row = cachedStatement(db, "SELECT blocked_until FROM login_failures WHERE key = ?").get(key) as
      Pick<FailureRow, "blocked_until"> | undefined;
    if (row?.blocked_until) until = Math.max(until, Date.parse(row.blocked_until));
  }
  return until > at ? Math.ceil((until - at) / 1000) : null;
}

/**
 * The fifth failure (for an address: the twentieth) within 15 minutes blocks the key for a minute; each failure
 * after that (once the block has run out, or one that raced it) doubles the block, up to an hour. A key is
 * forgotten 15 quiet minutes after its last block ends, or 15 minutes after its first failure if it never got
 * blocked.
 */
export function recordLoginFailure(db: Db, keys: readonly ThrottleKey[], at: number): void {
  const record = db.transaction(() => {
    const stale = new Date(at - FAILURE_WINDOW_MS).toISOString();
    // Pruned here, the only place rows are added, so guessed usernames cannot pile up in the table.
    cachedStatement(db, "DELETE FROM login_failures WHERE coalesce(blocked_until, first_at) < ?").run(stale);
    for (const { key, failuresBeforeBlock } of keys) {
      const row = cachedStatement(
        db,
        "SELECT key, count, first_at, blocked_until FROM login_failures WHERE key = ?",
      ).get(key) as FailureRow | undefined;
      const count = (row?.count ?? 0) + 1;
      const blockMs =
        count >= failuresBeforeBlock
          ? Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** (count - failuresBeforeBlock))
          : 0;
      cachedStatement(
        db,
        `INSERT INTO login_failures (key, count, first_at, blocked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET count = excluded.count, blocked_until = excluded.blocked_until`,
      ).run(
        key,
        count,
        row?.first_at ?? new Date(at).toISOString(),
        blockMs > 0 ? new Date(at + blockMs).toISOString() : null,
      );
    }
  });
  record.immediate();
}

export function clearLoginFailures(db: Db, { key }: ThrottleKey): void {
  cachedStatement(db, "DELETE FROM login_failures WHERE key = ?").run(key);
}
