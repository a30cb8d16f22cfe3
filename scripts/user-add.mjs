#!/usr/bin/env node
// `npm run user:add -- --username NAME --role admin|operator|viewer`: adds a Wharf user from the terminal,
// for the first admin (when WHARF_ADMIN_PASSWORD was not used) or to get back in after losing every admin.
// The password is asked twice without echo, or read as one line from stdin when that is not a terminal:
//   printf '%s\n' "$PASSWORD" | npm run user:add -- --username ci --role viewer
// This is plain JS and cannot run Wharf's TypeScript migrations, so the database must already exist. With
// DATABASE_URL=postgres://… set (as for the server) the user goes into that PostgreSQL database instead.
import { randomBytes, scrypt } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";

export const ROLES = ["viewer", "operator", "admin"];
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const USERNAME = /^[a-zA-Z0-9._-]{1,64}$/;
// The same cost and format as lib/auth/hash-password.ts; a unit test signs in with a hash made here.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 };
const NOT_CREATED_YET = "start Wharf once first (npm start) so it creates its database, then run this again";
const USAGE = "usage: npm run user:add -- --username NAME --role admin|operator|viewer";

/** A problem the person running the script can fix: printed as is, without a stack trace. */
export class UserAddError extends Error {}

export function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--(username|role)(?:=(.*))?$/.exec(arg);
    if (arg === "--help" || arg === "-h") throw new UserAddError(USAGE);
    if (!match) throw new UserAddError(`unknown argument "${arg}"\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === "") throw new UserAddError(`--${match[1]} needs a value\n${USAGE}`);
    options[match[1]] = value;
  }
  if (options.username === undefined || options.role === undefined) throw new UserAddError(USAGE);
  if (!USERNAME.test(options.username)) {
    throw new UserAddError(
      `invalid username "${options.username}": use 1 to 64 letters, digits, dots, dashes or underscores`,
    );
  }
  if (!ROLES.includes(options.role)) {
    throw new UserAddError(`invalid role "${options.role}": use one of ${ROLES.join(", ")}`);
  }
  return { username: options.username, role: options.role };
}

export function checkPassword(password) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserAddError(`the password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new UserAddError(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`);
}

export function hashPassword(password) {
  const { N, r, p, keyLength, saltLength } = SCRYPT;
  const salt = randomBytes(saltLength);
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { N, r, p, maxmem: 2 * 128 * N * r * p },
      (error, key) =>
        error
          ? reject(error)
          : resolve(["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$")),
    );
  });
}

/** Opens an existing Wharf database, refusing one whose schema has no users yet. */
export function openWharfDb(file) {
  if (!existsSync(file)) throw new UserAddError(`no database at ${file}: ${NOT_CREATED_YET}`);
  // The server may be running and writing: wait for its lock rather than fail with SQLITE_BUSY.
  const db = new DatabaseSync(file, { timeout: 5000, enableForeignKeyConstraints: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('users', 'audit_log')")
    .all();
  if (tables.length < 2) {
    db.close();
    throw new UserAddError(`the database at ${file} has no users table yet: ${NOT_CREATED_YET}`);
  }
  return db;
}

export function assertUsernameFree(db, username) {
  const taken = db.prepare("SELECT username FROM users WHERE username = ?").get(username);
  if (taken !== undefined) {
    throw new UserAddError(
      `a user named "${taken.username}" already exists (names ignore case); choose another username`,
    );
  }
}

/** Inserts the user and its "user-created" audit entry (actor "cli") together. */
export function addUser(db, { username, passwordHash, role }) {
  // IMMEDIATE: the write lock before the insert, so a running server's writes wait rather than interleave.
  db.exec("BEGIN IMMEDIATE");
  try {
    const at = new Date().toISOString();
    const { id } = db
      .prepare(
        "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      )
      .get(username, passwordHash, role, at);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, target, address, detail) VALUES (?, 'cli', 'user-created', ?, NULL, ?)",
    ).run(at, username, `role: ${role}`);
    db.exec("COMMIT");
    return id;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    // SQLITE_CONSTRAINT_UNIQUE: taken meanwhile, whatever its case.
    if (error?.code === "ERR_SQLITE_ERROR" && error.errcode === 2067) assertUsernameFree(db, username);
    throw error;
  }
}

/** Connects to the PostgreSQL database a Wharf on DATABASE_URL uses, refusing one it has not set up yet. */
export async function openWharfPostgres(url) {
  const host = describeHost(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new UserAddError(`cannot reach the database at ${host}: ${error?.code ?? error?.message ?? error}`);
  }
  const { rows } = await client.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('users', 'audit_log')",
  );
  if (rows[0].n < 2) {
    await client.end();
    throw new UserAddError(`the database at ${host} has no users table yet: ${NOT_CREATED_YET}`);
  }
  return client;
}

// Host and port only: the URL may carry a password.
function describeHost(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  } catch {
    throw new UserAddError("DATABASE_URL is not a URL: expected postgres://USER@HOST:PORT/DATABASE");
  }
}

/** As assertUsernameFree, on PostgreSQL: names are unique by lower() there. */
export async function assertUsernameFreeOnPostgres(client, username) {
  const { rows } = await client.query("SELECT username FROM users WHERE lower(username) = lower($1)", [
    username,
  ]);
  if (rows.length > 0) {
    throw new UserAddError(
      `a user named "${rows[0].username}" already exists (names ignore case); choose another username`,
    );
  }
}

/** As addUser, on PostgreSQL: the user and its "user-created" audit entry in one transaction. */
export async function addUserOnPostgres(client, { username, passwordHash, role }) {
  const at = new Date().toISOString();
  try {
    await client.query("BEGIN");
    await client.query(
      "INSERT INTO users (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4)",
      [username, passwordHash, role, at],
    );
    await client.query(
      "INSERT INTO audit_log (at, actor, action, target, address, detail) VALUES ($1, 'cli', 'user-created', $2, NULL, $3)",
      [at, username, `role: ${role}`],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    // unique_violation: taken meanwhile, whatever its case.
    if (error?.code === "23505") await assertUsernameFreeOnPostgres(client, username);
    throw error;
  }
}

function askHidden(prompt) {
  // readline echoes what is typed to its output: give it one that swallows everything.
  const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const rl = readline.createInterface({ input: process.stdin, output: silent, terminal: true });
  process.stdout.write(prompt);
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.on("SIGINT", () => rl.close());
    rl.on("close", () => {
      process.stdout.write("\n");
      if (!answered) reject(new UserAddError("cancelled"));
    });
    rl.question("", (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
  });
}

async function readLineFromStdin() {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) return line;
  throw new UserAddError("no password on stdin: pipe one line holding it, or run this in a terminal");
}

async function readPassword() {
  if (!process.stdin.isTTY) return readLineFromStdin();
  const password = await askHidden("Password (at least 12 characters): ");
  checkPassword(password);
  if ((await askHidden("Repeat the password: ")) !== password)
    throw new UserAddError("the passwords do not match");
  return password;
}

async function main() {
  const { username, role } = parseArgs(process.argv.slice(2));
  if (process.env.DATABASE_URL) return mainOnPostgres(process.env.DATABASE_URL, { username, role });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const file = path.join(path.resolve(root, process.env.DATA_DIR || "data"), "wharf.db");
  const db = openWharfDb(file);
  try {
    // Before the password prompt, so nobody types a password only to learn the name was taken.
    assertUsernameFree(db, username);
    const password = await readPassword();
    checkPassword(password);
    addUser(db, { username, passwordHash: await hashPassword(password), role });
    console.log(`created user "${username}" with role ${role} in ${file}`);
  } finally {
    db.close();
  }
}

async function mainOnPostgres(url, { username, role }) {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UserAddError("DATABASE_URL must start with postgres://, or be unset for the embedded database");
  const client = await openWharfPostgres(url);
  try {
    await assertUsernameFreeOnPostgres(client, username);
    const password = await readPassword();
    checkPassword(password);
    await addUserOnPostgres(client, { username, passwordHash: await hashPassword(password), role });
    console.log(`created user "${username}" with role ${role} in the database at ${describeHost(url)}`);
  } finally {
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`user:add: ${error instanceof UserAddError ? error.message : (error?.stack ?? error)}`);
      process.exit(1);
    },
  );
}
