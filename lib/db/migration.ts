import type { DatabaseSync } from "node:sqlite";
import type { Compilable, Kysely } from "kysely";

/**
 * One step of the schema, in one of two forms, both run in the migration's transaction:
 * - SQLite's history (versions 1-12, and any old-style migration still to be ported): SQL, or for what SQL says
 *   badly (rewriting JSON) a function. `postgres` is its PostgreSQL form; up to version 12 the PostgreSQL
 *   baseline (postgres-baseline.ts) stands for all of them at once.
 * - From then on, `build`: statements made with Kysely's schema builder, which writes each dialect's SQL. They
 *   are built on a connection-less Kysely and run by the runner of the dialect at hand.
 */
export type Migration = SqliteMigration | PortableMigration;

export type SqliteMigration = {
  version: number;
  sql: string;
  run?: (db: DatabaseSync) => void;
  postgres?: string;
};

export type PortableMigration = {
  version: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it is then, not today's types
  build: (db: Kysely<any>) => Compilable[];
};

export const isPortable = (migration: Migration): migration is PortableMigration => "build" in migration;
