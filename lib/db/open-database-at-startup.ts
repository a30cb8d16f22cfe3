import "server-only";
import { WharfError } from "@/lib/core/errors";
import { getDatabase } from "./database";
import { databaseConfig } from "./database-config";
import type { Dialect } from "./dialect";

/**
 * Opens (and migrates) the database before the server serves anything. What stops it is told in one line,
 * naming the host and the reason, and the process ends: a stack trace would say less.
 */
export async function openDatabaseAtStartup(): Promise<Dialect> {
  try {
    const { dialect } = databaseConfig();
    await getDatabase();
    return dialect;
  } catch (error) {
    const reason = error instanceof WharfError ? error.message : `Cannot open the database: ${String(error)}`;
    console.error(`[wharf] ${reason}`);
    process.exit(1);
  }
}
