import "server-only";
import { WharfError } from "@/lib/core/errors";
import { openCopySource } from "./copy-source";
import { copyTables, type CopiedTable } from "./copy-tables";
import { openPostgres } from "./open-postgres";

/**
 * `npm run db:copy`: the SQLite file `from` into the empty PostgreSQL database `to`, which is first migrated to
 * this Wharf's schema version (the source must be at it too). Every table, ids kept, checked by row counts.
 */
export async function copyDatabase({ from, to }: { from: string; to: string }): Promise<CopiedTable[]> {
  const target = describeTarget(to);
  const source = openCopySource(from);
  try {
    const db = await openPostgres(to, target.host);
    try {
      return await copyTables(source, db, target.name);
    } finally {
      await db.destroy();
    }
  } finally {
    source.close();
  }
}

/** The target as shown (host, port and database; never the password), or a clear refusal of what is not one. */
export function describeTarget(to: string): { host: string; name: string } {
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new WharfError("VALIDATION", "--to is not a URL: expected postgres://USER@HOST:PORT/DATABASE");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new WharfError("VALIDATION", `--to must be a postgres:// URL (got ${url.protocol}//)`);
  }
  const host = `${url.hostname || "localhost"}:${url.port || "5432"}`;
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!database)
    throw new WharfError("VALIDATION", "--to names no database: expected postgres://USER@HOST:PORT/DATABASE");
  return { host, name: `${host}/${database}` };
}
