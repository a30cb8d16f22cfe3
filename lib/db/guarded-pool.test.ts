import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { dialects, freshDatabase } from "@/tests/support/dialects";

describe("Wharf's PostgreSQL pool", () => {
  it.each(dialects.filter((d) => d === "postgres"))(
    "answers UNAVAILABLE naming the database when the server ends a connection mid-transaction on %s, and reconnects for the next query",
    async (dialect) => {
      const test = await freshDatabase(dialect);
      try {
        const host = new URL(test.url!).host;
        const transaction = test.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
          // From another connection of the pool, as an administrator or a restart would.
          await sql`SELECT pg_terminate_backend(${rows[0]!.pid})`.execute(test.db);
          await sql`SELECT 1`.execute(trx);
        });
        // Had the ended connection's 'error' gone unheard while the transaction held it, the process (and so
        // this test run) would have failed with an uncaught error.
        await expect(transaction).rejects.toMatchObject({
          code: "UNAVAILABLE",
          message: expect.stringMatching(
            new RegExp(
              `^The database at ${host.replaceAll(".", "\\.")} is unreachable: .+; Wharf retries on the next request$`,
            ),
          ),
        });
        const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(test.db);
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await test.close();
      }
    },
  );
});
