import "server-only";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { dialectOf } from "./dialect";

/**
 * A column checked on the rows another condition finds, never used to find them: SQLite keeps no statistics and
 * rates every one-column equality alike, and has been seen to walk a fifth of a table by the wrong index; a
 * unary `+` hides the column from its planner. PostgreSQL's planner has statistics (and no unary `+` for text):
 * it gets the plain column.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any feature's tables
export function demoted(db: Kysely<any>, column: string): RawBuilder<unknown> {
  return dialectOf(db) === "postgres" ? sql.ref(column) : sql`+${sql.ref(column)}`;
}

/**
 * A value written into the SQL rather than bound: SQLite uses a partial index only for a query that names a
 * value the index covers, which a parameter does not. Only for values from the code's own fixed lists.
 */
export function literal<T extends string>(value: T): RawBuilder<T> {
  return sql.lit(value);
}
