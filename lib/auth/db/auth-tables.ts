import "server-only";
import type { Kysely, Transaction } from "kysely";
import type { AuditLogTable } from "./audit-table";
import type { GrantTable } from "./grant-table";
import type { LoginFailureTable } from "./login-failure-table";
import type { SessionTable } from "./session-table";
import type { TeamMemberTable, TeamTable } from "./team-table";
import type { ApiTokenTable } from "./token-table";
import type { UserTable } from "./user-table";

/** The tables auth owns; lib/startup/database.ts composes every feature's into the whole database. */
export type AuthTables = {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  grants: GrantTable;
};

/**
 * A database or transaction that has auth's tables among others, seen as auth's alone, so another feature can
 * write its audit entry in its own transaction. (Kysely's table map is invariant: the wider type does not pass.)
 */
export function authTablesOf<DB extends AuthTables>(db: Kysely<DB> | Transaction<DB>): Kysely<AuthTables> {
  return db as unknown as Kysely<AuthTables>;
}
