import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { Scope } from "@/lib/core/access-rule";
import type { GrantHolder, GrantInfo, Role } from "../types";
import type { AuthTables } from "./auth-tables";
import { listAllGrantRows, type GrantRow } from "./list-grant-rows";

export function grantNotFound(id: number): WharfError {
  return new WharfError("NOT_FOUND", `Grant ${id} not found`);
}

export type GrantInsert = {
  holder: Pick<GrantHolder, "kind" | "id">;
  role: Role;
  scope: Scope | null;
  createdAt: string;
  createdBy: string;
};

export async function insertGrant(db: Kysely<AuthTables>, grant: GrantInsert): Promise<number> {
  const { id } = await db
    .insertInto("grants")
    .values({
      user_id: grant.holder.kind === "user" ? grant.holder.id : null,
      team_id: grant.holder.kind === "team" ? grant.holder.id : null,
      token_id: grant.holder.kind === "token" ? grant.holder.id : null,
      role: grant.role,
      scope: grant.scope === null ? null : JSON.stringify(grant.scope),
      created_at: grant.createdAt,
      created_by: grant.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteGrantRow(db: Kysely<AuthTables>, id: number): Promise<void> {
  await db.deleteFrom("grants").where("id", "=", id).execute();
}

/** The name of a grant's holder, or undefined when there is no such user, team or token. */
export async function holderName(
  db: Kysely<AuthTables>,
  holder: Pick<GrantHolder, "kind" | "id">,
): Promise<string | undefined> {
  if (holder.kind === "user") {
    const row = await db
      .selectFrom("users")
      .select("username")
      .where("id", "=", holder.id)
      .executeTakeFirst();
    return row?.username;
  }
  if (holder.kind === "team") {
    const row = await db.selectFrom("teams").select("name").where("id", "=", holder.id).executeTakeFirst();
    return row?.name;
  }
  const row = await db.selectFrom("api_tokens").select("name").where("id", "=", holder.id).executeTakeFirst();
  return row?.name;
}

/** Every grant with its holder's name, oldest first; `toGrant` reads the role and scope (unreadable: left out). */
export async function listGrantInfos(
  db: Kysely<AuthTables>,
  toGrant: (row: GrantRow) => { role: Role; scope: Scope | null } | null,
  only?: number,
): Promise<GrantInfo[]> {
  const rows = (await listAllGrantRows(db)).filter((row) => only === undefined || row.id === only);
  const names = new Map<string, string>();
  const infos: GrantInfo[] = [];
  for (const row of rows) {
    const grant = toGrant(row);
    if (grant === null) continue;
    const holder = holderOf(row);
    const key = `${holder.kind}/${holder.id}`;
    if (!names.has(key)) names.set(key, (await holderName(db, holder)) ?? `${holder.kind} ${holder.id}`);
    infos.push({
      id: row.id,
      role: grant.role,
      scope: grant.scope,
      holder: { ...holder, name: names.get(key)! },
      createdAt: row.created_at,
      createdBy: row.created_by,
    });
  }
  return infos;
}

function holderOf(row: GrantRow): Pick<GrantHolder, "kind" | "id"> {
  if (row.user_id !== null) return { kind: "user", id: row.user_id };
  if (row.team_id !== null) return { kind: "team", id: row.team_id };
  return { kind: "token", id: row.token_id! };
}
