import "server-only";
import type { Generated } from "kysely";

/** sessions (migration 4): only the sha256 of a session token is kept; a user's deletion deletes theirs. */
export type SessionTable = {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  address: string | null;
  user_agent: string | null;
};
