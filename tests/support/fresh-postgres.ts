// Databases of their own on the test PostgreSQL server, with nothing of Wharf's server code: the e2e specs (which
// load no "server-only" stand-in) use this too.
import { randomBytes } from "node:crypto";
import { Kysely, sql } from "kysely";

/** The server's maintenance database, unmigrated: only CREATE and DROP DATABASE run there. */
export async function openAdmin(server: string) {
  const { PostgresDialect } = await import("kysely");
  const pg = (await import("pg")).default;
  return new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server, max: 1 }) }),
  });
}

/** An empty database of its own on `server` (dropped by `drop`), for what opens its own connections by URL. */
export async function freshPostgresUrl(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wharf_test_${randomBytes(6).toString("hex")}`;
  const admin = await openAdmin(server);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // Connections a test left open (a killed replica's) must not keep the database from being dropped.
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
      await admin.destroy();
    },
  };
}
