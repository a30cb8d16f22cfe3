import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { dependencyOrder } from "./copy-order";
import type { Db } from "./db";
import { pluck } from "./sqlite-statements";

/** One table's rows in the source and, after the copy, in the target. */
export type CopiedTable = { table: string; source: number; target: number };

// PostgreSQL takes at most 65,535 parameters a statement; a batch stays well under, and under 1,000 rows.
const BATCH_PARAMETERS = 30_000;
const BATCH_ROWS = 1_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the copy addresses tables by name
type AnyDb = Kysely<any>;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies every table of a SQLite database into a PostgreSQL database migrated to the same schema version, in one
 * transaction: all of it or nothing. Tables and columns are read from the schemas, not from a list that a later
 * migration could outgrow; ids are kept, and each identity sequence continues after the largest. Refuses a
 * target with any row in any of the tables (`target` names it in the error).
 */
export async function copyTables(source: Db, db: AnyDb, target: string): Promise<CopiedTable[]> {
  const tables = sourceTables(source);
  return db.transaction().execute(async (trx) => {
    const schema = await targetSchema(trx);
    for (const { name, columns } of tables) {
      const has = schema.columns.get(name);
      const missing = has ? columns.filter((column) => !has.has(column)) : [];
      if (!has || missing.length > 0) {
        throw new WharfError(
          "INTERNAL",
          `The database at ${target} has no ${has ? `column ${missing.join(", ")} in "${name}"` : `table "${name}"`} after migrating: its schema is not this Wharf's`,
        );
      }
    }
    const order = dependencyOrder(
      tables.map((t) => t.name),
      schema.references,
    );
    // A Wharf started on the target meanwhile waits for the copy rather than writing between its checks.
    await sql`LOCK TABLE ${sql.join(order.map((t) => sql.table(t)))} IN EXCLUSIVE MODE`.execute(trx);
    for (const table of order) {
      if (
        await trx
          .selectFrom(table)
          .select(sql`1`.as("one"))
          .limit(1)
          .executeTakeFirst()
      ) {
        throw new WharfError(
          "CONFLICT",
          `The database at ${target} already has rows in "${table}": db:copy copies only into an empty database (create a new one and name it with --to)`,
        );
      }
    }
    // One read transaction: every table as it was at one moment, even with a Wharf writing the file meanwhile.
    source.exec("BEGIN");
    try {
      const copied: CopiedTable[] = [];
      for (const table of order) {
        const columns = tables.find((t) => t.name === table)!.columns;
        await copyRows(source, trx, table, columns);
        copied.push({
          table,
          source: pluck(source.prepare(`SELECT count(*) FROM ${quoted(table)}`)).get() as number,
          target: Number(
            (
              await trx
                .selectFrom(table)
                .select(sql<number>`count(*)`.as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        });
      }
      for (const [table, column] of schema.identities) {
        if (!order.includes(table)) continue;
        // An insert after the copy must not reuse a copied id: the sequence goes on from the largest.
        await sql`SELECT setval(pg_get_serial_sequence(${quoted(table)}, ${column}), max(${sql.ref(column)}))
          FROM ${sql.table(table)} HAVING max(${sql.ref(column)}) IS NOT NULL`.execute(trx);
      }
      const short = copied.filter((t) => t.source !== t.target);
      if (short.length > 0) {
        throw new WharfError(
          "INTERNAL",
          `The copy does not match the source (${short.map((t) => `${t.table}: ${t.source} → ${t.target}`).join(", ")}): nothing was kept`,
        );
      }
      return copied;
    } finally {
      source.exec("COMMIT");
    }
  });
}

function sourceTables(source: Db): { name: string; columns: string[] }[] {
  const names = pluck(
    source.prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name`,
    ),
  ).all() as string[];
  return names.map((name) => ({
    name,
    columns: pluck(source.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid")).all(
      name,
    ) as string[],
  }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see AnyDb
async function targetSchema(trx: Transaction<any>) {
  const columns = new Map<string, Set<string>>();
  const identities: [string, string][] = [];
  const { rows } = await sql<{ table: string; column: string; identity: string }>`
    SELECT table_name AS "table", column_name AS "column", is_identity AS "identity"
    FROM information_schema.columns WHERE table_schema = current_schema()`.execute(trx);
  for (const row of rows) {
    if (!columns.has(row.table)) columns.set(row.table, new Set());
    columns.get(row.table)!.add(row.column);
    if (row.identity === "YES") identities.push([row.table, row.column]);
  }
  const references = await sql<{ table: string; referenced: string }>`
    SELECT c.relname AS "table", r.relname AS "referenced"
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`.execute(trx);
  return {
    columns,
    identities,
    references: references.rows.map((r) => [r.table, r.referenced] as [string, string]),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see AnyDb
async function copyRows(source: Db, trx: Transaction<any>, table: string, columns: string[]) {
  const read = source.prepare(`SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)}`);
  const size = Math.max(1, Math.min(BATCH_ROWS, Math.floor(BATCH_PARAMETERS / columns.length)));
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await trx.insertInto(table).values(batch).execute();
    } catch (error) {
      if (error instanceof WharfError) throw error;
      // Which table, and what PostgreSQL refused (a NUL in a text, say, which SQLite keeps and PostgreSQL cannot).
      throw new WharfError(
        "VALIDATION",
        `Copying "${table}" failed: ${(error as Error).message}: nothing was kept`,
      );
    }
    batch = [];
  };
  for (const row of read.iterate()) {
    batch.push(Object.fromEntries(columns.map((column) => [column, row[column]])));
    if (batch.length >= size) await flush();
  }
  await flush();
}
