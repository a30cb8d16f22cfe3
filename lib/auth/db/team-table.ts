import "server-only";
import type { Generated } from "kysely";

/** teams (migration 19). `name` is COLLATE NOCASE on SQLite, a unique lower() index on PostgreSQL. */
export type TeamTable = {
  id: Generated<number>;
  name: string;
  created_at: string;
  created_by: string;
};

/** team_members (migration 19): 'local' memberships an admin made, 'sso' ones the last SSO sign-in gave. */
export type TeamMemberTable = {
  team_id: number;
  user_id: number;
  source: "local" | "sso";
  added_at: string;
};
