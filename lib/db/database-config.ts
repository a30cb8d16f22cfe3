import "server-only";
import path from "node:path";
import { z } from "zod";
import { WharfError } from "@/lib/core/errors";

/** Where the data lives: the embedded SQLite file under DATA_DIR (the default), or a PostgreSQL server. */
export type DatabaseConfig =
  { dialect: "sqlite"; dir: string; file: string } | { dialect: "postgres"; url: string; host: string };

const envSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: z.string().trim().min(1).optional(),
});

/** Reads DATA_DIR and DATABASE_URL; a DATABASE_URL that is not a postgres:// URL is refused by name. */
export function databaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const { DATA_DIR, DATABASE_URL } = envSchema.parse({
    DATA_DIR: env.DATA_DIR || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
  });
  if (DATABASE_URL === undefined) {
    const dir = path.resolve(DATA_DIR);
    return { dialect: "sqlite", dir, file: path.join(dir, "wharf.db") };
  }
  let url: URL;
  try {
    url = new URL(DATABASE_URL);
  } catch {
    throw new WharfError(
      "VALIDATION",
      "DATABASE_URL is not a URL: expected postgres://USER@HOST:PORT/DATABASE",
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new WharfError(
      "VALIDATION",
      `DATABASE_URL must start with postgres:// (got ${url.protocol}//): leave it unset for the embedded SQLite database`,
    );
  }
  // The password is never part of what is shown.
  return {
    dialect: "postgres",
    url: DATABASE_URL,
    host: `${url.hostname || "localhost"}:${url.port || "5432"}`,
  };
}
