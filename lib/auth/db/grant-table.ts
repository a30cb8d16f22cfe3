import "server-only";
import type { Generated } from "kysely";

/**
 * grants (migration 19): a role on the whole fleet (`scope` null) or on a scope (JSON), held by exactly one of a
 * user, a team or an API token.
 */
export type GrantTable = {
  id: Generated<number>;
  user_id: number | null;
  team_id: number | null;
  token_id: number | null;
  role: string;
  scope: string | null;
  created_at: string;
  created_by: string;
};
