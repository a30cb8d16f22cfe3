import "server-only";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";

/**
 * A statement in the shape Kysely's SqliteDialect drives (better-sqlite3's, which it was written for): `reader` says whether it returns
 * rows, and the parameters come as one array.
 */
export type KyselyStatement = {
  reader: boolean;
  all: (parameters: readonly unknown[]) => unknown[];
  run: (parameters: readonly unknown[]) => { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate: (parameters: readonly unknown[]) => IterableIterator<unknown>;
};

// prepare() compiles the SQL every time, and these statements run on every container event: compile each
// once per connection. A WeakMap lets a closed test database and its statements be collected. The SQL text is
// not a closed set (an IN list's length, a value a planner hint writes into the text), so the cache keeps the
// most recently used statements only.
const caches = new WeakMap<DatabaseSync, Map<string, KyselyStatement>>();
const MAX_CACHED = 500;

export function cachedStatement(db: DatabaseSync, sql: string): KyselyStatement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement) cache.delete(sql);
  else {
    statement = forKysely(db.prepare(sql));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
  cache.set(sql, statement);
  return statement;
}

// Kysely hands every value through as it is; what it holds are the values a query builder binds (strings,
// numbers, bigints, null, bytes), which node:sqlite checks itself, naming the parameter it cannot bind.
function forKysely(statement: StatementSync): KyselyStatement {
  const bind = (parameters: readonly unknown[]) => parameters as SQLInputValue[];
  return {
    // A statement that returns no columns (INSERT without RETURNING, UPDATE, DDL) is run for its changes.
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...bind(parameters)),
    run: (parameters) => statement.run(...bind(parameters)),
    iterate: (parameters) => statement.iterate(...bind(parameters)),
  };
}
