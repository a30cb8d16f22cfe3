import "server-only";
import type Database from "better-sqlite3";

// prepare() compiles the SQL every time, and these statements run on every container event: compile each
// once per connection. A WeakMap lets a closed test database and its statements be collected.
const caches = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

export function cachedStatement(db: Database.Database, sql: string): Database.Statement<unknown[], unknown> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
