import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";

/** All users, disabled ones included: zero means nobody can sign in yet (see bootstrapAdmin, npm run user:add). */
export function countUsers(db: Db): number {
  return (cachedStatement(db, "SELECT count(*) AS n FROM users").get() as { n: number }).n;
}
