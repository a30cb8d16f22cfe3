import { PostgresAdapter, type Kysely } from "kysely";

export type Dialect = "sqlite" | "postgres";

/** For the few queries each dialect spells differently (a conflict target on an expression index, say). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
