import "server-only";
import type { Kysely } from "kysely";
import { addLoginFailure } from "./db/add-login-failure";
import type { AuthTables } from "./db/auth-tables";
import { blockLoginKey } from "./db/block-login-key";
import { clearLoginFailures as clearKey } from "./db/clear-login-failures";
import { findLoginBlocks } from "./db/find-login-blocks";
import { pruneLoginFailures } from "./db/prune-login-failures";

export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures of one user from one address before that pair is blocked. */
export const FAILURES_BEFORE_BLOCK = 5;
/** Failures from one address, whatever the names, before the whole address is blocked. */
export const ADDRESS_FAILURES_BEFORE_BLOCK = 20;
const FIRST_BLOCK_MS = 60_000;
const MAX_BLOCK_MS = 60 * 60_000;

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
export async function retryAfterSeconds(
  db: Kysely<AuthTables>,
  keys: readonly ThrottleKey[],
  at: number,
): Promise<number | null> {
  const blocks = await findLoginBlocks(
    db,
    keys.map(({ key }) => key),
  );
  return secondsUntil(blocks, at);
}

function secondsUntil(blocks: readonly string[], at: number): number | null {
  const until = Math.max(at, ...blocks.map((until) => Date.parse(until)));
  return until > at ? Math.ceil((until - at) / 1000) : null;
}

/**
 * The fifth failure (for an address: the twentieth) within 15 minutes blocks the key for a minute; each failure
 * after that (once the block has run out, or one that raced it) doubles the block, up to an hour. A key is
 * forgotten 15 quiet minutes after its last block ends, or 15 minutes after its first failure if it never got
 * blocked. Returns the seconds the keys were still blocked for when this failure was counted (null for none):
 * one that raced the failure which set the block gets no verdict either.
 */
export async function recordLoginFailure(
  db: Kysely<AuthTables>,
  keys: readonly ThrottleKey[],
  at: number,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    // Pruned here, the only place rows are added, so guessed usernames cannot pile up in the table.
    await pruneLoginFailures(trx, new Date(at - FAILURE_WINDOW_MS).toISOString());
    const blocks: string[] = [];
    for (const { key, failuresBeforeBlock } of keys) {
      const { count, blockedUntil } = await addLoginFailure(trx, key, new Date(at).toISOString());
      if (blockedUntil !== null) blocks.push(blockedUntil);
      if (count < failuresBeforeBlock) continue;
      const blockMs = Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** (count - failuresBeforeBlock));
      await blockLoginKey(trx, key, new Date(at + blockMs).toISOString());
    }
    return secondsUntil(blocks, at);
  });
}

export function clearLoginFailures(db: Kysely<AuthTables>, { key }: ThrottleKey): Promise<void> {
  return clearKey(db, key);
}
