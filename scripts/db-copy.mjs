#!/usr/bin/env node
// `npm run db:copy -- --to postgres://USER@HOST:PORT/DATABASE [--from FILE]`: moves Wharf's embedded SQLite
// database (DATA_DIR's wharf.db, or FILE) into an empty PostgreSQL database, every table and every row, then
// prints each table's rows in both. Stop Wharf first, so nothing written after the copy is left behind; then start
// it with DATABASE_URL set to the same URL. The copy is lib/db/copy-database.ts, run without a build step.
import "./lib-loader/register.mjs";

const USAGE = "usage: npm run db:copy -- --to postgres://USER@HOST:PORT/DATABASE [--from FILE]";

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    const match = /^--(to|from)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`--${match[1]} needs a value\n${USAGE}`);
    options[match[1]] = value;
  }
  if (options.to === undefined) throw new Error(`--to is missing\n${USAGE}`);
  return options;
}

const count = (n) => n.toLocaleString("en-US");

try {
  const options = parseArgs(process.argv.slice(2));
  const { databaseConfig } = await import("../lib/db/database-config.ts");
  const { copyDatabase, describeTarget } = await import("../lib/db/copy-database.ts");
  const from = options.from ?? databaseConfig({ DATA_DIR: process.env.DATA_DIR }).file;
  console.log(`[db:copy] copying ${from} into ${describeTarget(options.to).name}…`);
  const tables = await copyDatabase({ from, to: options.to });
  for (const { table, source, target } of tables)
    console.log(`${table}: ${count(source)} → ${count(target)}`);
  const rows = tables.reduce((sum, t) => sum + t.target, 0);
  console.log(
    `[db:copy] done: ${tables.length} tables, ${count(rows)} rows; start Wharf with DATABASE_URL set to that URL`,
  );
} catch (error) {
  // What the person running it can act on, in their terms: no stack trace.
  console.error(`[db:copy] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
