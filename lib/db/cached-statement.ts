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
// once per connection. A WeakMap lets a closed test database and its statements be collected.
const caches = new WeakMap<DatabaseSync, Map<string, KyselyStatement>>();

export function cachedStatement(db: DatabaseSync, sql: string): KyselyStatement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = forKysely(db.prepare(sql));
    cache.set(sql, statement);
  }
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
