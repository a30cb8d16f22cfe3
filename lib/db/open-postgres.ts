import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { WharfError } from "@/lib/core/errors";
import { describeConnectError } from "./describe-connect-error";
import { guardedPool } from "./guarded-pool";
import { migratePostgres } from "./migrate-postgres";

// int8 (identity ids, count(*)) arrives as a string by default; Wharf's ids stay far below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connects to PostgreSQL and brings its schema up to date. Whatever stops it (no server, a wrong password, no
 * such database) is one UNAVAILABLE error naming the host and the reason.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each feature narrows it to its own tables
export async function openPostgres(url: string, host: string): Promise<Kysely<any>> {
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 10_000 });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: guardedPool(pool, host) }) });
  try {
    // On the pool itself: start-up says it in its own words (what stops it), not as a request's 503.
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw new WharfError("UNAVAILABLE", `Cannot use the database at ${host}: ${describeConnectError(error)}`);
  }
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
