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
import { describe, expect, it } from "vitest";
import { dialectOf } from "./dialect";

/** A Kysely whose adapter is a copy of kysely's class, as another bundle's copy of the package makes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- no tables
function kyselyWithForeignAdapter(postgres: boolean): Kysely<any> {
  const Original = postgres ? PostgresAdapter : SqliteAdapter;
  const Copy = class extends Object {};
  Object.defineProperties(Copy.prototype, Object.getOwnPropertyDescriptors(Original.prototype));
  return new Kysely({
    dialect: {
      createAdapter: () => new Copy() as PostgresAdapter,
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
}

describe("dialectOf", () => {
  it("tells PostgreSQL from SQLite when kysely's classes come from another copy of the package", () => {
    expect(dialectOf(kyselyWithForeignAdapter(true))).toBe("postgres");
    expect(dialectOf(kyselyWithForeignAdapter(false))).toBe("sqlite");
  });
});
