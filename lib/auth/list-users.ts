import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import type { User } from "./types";
import { toUser, userColumns } from "./user-row";

export function listUsers(db: Db): User[] {
  return cachedStatement(db, `SELECT ${userColumns} FROM users ORDER BY username`).all().map(toUser);
}
