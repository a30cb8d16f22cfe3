import "server-only";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { Dialect } from "./dialect";

/**
 * A Kysely that only writes SQL, never runs it: portable migrations are built on it, so SQLite's runner can stay
 * synchronous (the legacy getDb() opens and migrates in one call) while PostgreSQL's runs the same statements.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations address tables by name
export function coldKysely(dialect: Dialect): Kysely<any> {
  const postgres = dialect === "postgres";
  return new Kysely({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
}
