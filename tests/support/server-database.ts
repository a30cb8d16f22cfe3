// A test that must put a row where no API would (a row an earlier release wrote) writes it into the database of
// the Wharf under test, whichever dialect that is.
import path from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import pg from "pg";
import type { RunningServer } from "./wharf-server";

/** Runs one statement written with $1, $2… parameters (SQLite gets ? for each) and returns its rows. */
export async function queryServerDatabase<Row>(
  server: RunningServer,
  dataDir: string,
  statement: string,
  params: unknown[],
): Promise<Row[]> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      return (await client.query(statement, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const db = new DatabaseSync(path.join(dataDir, "wharf.db"), { timeout: 5000 });
  try {
    return db.prepare(statement.replace(/\$\d+/g, "?")).all(...(params as SQLInputValue[])) as Row[];
  } finally {
    db.close();
  }
}
