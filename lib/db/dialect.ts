import { sql, type Kysely } from "kysely";

export type Dialect = "sqlite" | "postgres";

// Per adapter object: the same adapter serves a database, its transactions and its withTables() views.
const known = new WeakMap<object, Dialect>();

/**
 * For the few queries each dialect spells differently (a conflict target on an expression index, say). Asked of
 * how the database writes a parameter, not of its adapter's class: Next bundles kysely once per server chunk, so
 * the Kysely start-up opened is an instance of another chunk's PostgresAdapter than the route's, and
 * `instanceof` said "sqlite" on PostgreSQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set
export function dialectOf(db: Kysely<any>): Dialect {
  const { adapter } = db.getExecutor();
  let dialect = known.get(adapter);
  if (!dialect) {
    dialect = sql`${0}`.compile(db).sql === "$1" ? "postgres" : "sqlite";
    known.set(adapter, dialect);
  }
  return dialect;
}
