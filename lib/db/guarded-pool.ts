import "server-only";
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";
import { unavailableIfConnectionLost } from "./connection-lost";
import { describeConnectError } from "./describe-connect-error";

/**
 * The pool as Kysely sees it, with the one translation of a lost database into UNAVAILABLE (503) for every
 * query any feature runs. Nothing is kept of a dead connection: pg's pool drops a client whose socket failed
 * when it is released and opens a new one for the next query, so Wharf reconnects by itself.
 */
export function guardedPool(pool: pg.Pool, host: string): PostgresPool {
  const report = (error: Error) =>
    console.error(`[wharf] PostgreSQL at ${host}: ${describeConnectError(error)}`);
  // An idle client the server dropped must not crash the process (an 'error' event nobody listens to does).
  pool.on("error", report);
  const guard = (error: unknown) => unavailableIfConnectionLost(error, host);
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw guard(error);
      }
      // pg takes its own listener off a client while it is handed out: one dropped between two statements of a
      // transaction would emit an 'error' that nobody hears. Its pending query fails on its own.
      client.on("error", report);
      const guarded: PostgresPoolClient = {
        query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sqlOrCursor !== "string") return client.query(sqlOrCursor as never);
          return client.query(sqlOrCursor, parameters as unknown[]).then(
            (result) => result as PostgresQueryResult<unknown>,
            (error: unknown) => Promise.reject(guard(error)),
          );
        }) as PostgresPoolClient["query"],
        release(destroy?: boolean) {
          client.off("error", report);
          client.release(destroy);
        },
      };
      return guarded;
    },
    end: () => pool.end(),
  };
}
