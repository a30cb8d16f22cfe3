import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { Team, TeamMember } from "../types";
import type { AuthTables } from "./auth-tables";

export function teamNotFound(id: number): WharfError {
  return new WharfError("NOT_FOUND", `Team ${id} not found`);
}

export async function insertTeam(
  db: Kysely<AuthTables>,
  team: { name: string; createdAt: string; createdBy: string },
): Promise<number> {
  const { id } = await db
    .insertInto("teams")
    .values({ name: team.name, created_at: team.createdAt, created_by: team.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Teams with their members, by name (ignoring case, as the names' uniqueness does); one team with `id`. */
export async function listTeamRows(db: Kysely<AuthTables>, id?: number): Promise<Team[]> {
  let teams = db.selectFrom("teams").select(["id", "name", "created_at", "created_by"]);
  if (id !== undefined) teams = teams.where("id", "=", id);
  const rows = await teams
    .orderBy((eb) => eb.fn("lower", ["name"]))
    .orderBy("id")
    .execute();
  let members = db
    .selectFrom("team_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.team_id", "m.user_id", "m.source", "u.username"]);
  if (id !== undefined) members = members.where("m.team_id", "=", id);
  const byTeam = new Map<number, TeamMember[]>();
  for (const m of await members.orderBy((eb) => eb.fn("lower", ["u.username"])).execute()) {
    const list = byTeam.get(m.team_id) ?? [];
    list.push({ userId: m.user_id, username: m.username, source: m.source });
    byTeam.set(m.team_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    members: byTeam.get(row.id) ?? [],
  }));
}

export async function findTeam(db: Kysely<AuthTables>, id: number): Promise<Team | undefined> {
  return (await listTeamRows(db, id))[0];
}

export async function renameTeamRow(db: Kysely<AuthTables>, id: number, name: string): Promise<void> {
  await db.updateTable("teams").set({ name }).where("id", "=", id).execute();
}

export async function deleteTeamRow(db: Kysely<AuthTables>, id: number): Promise<void> {
  // Members and grants go with it (ON DELETE CASCADE); SQLite enforces it only with foreign keys on, so say it.
  await db.deleteFrom("grants").where("team_id", "=", id).execute();
  await db.deleteFrom("team_members").where("team_id", "=", id).execute();
  await db.deleteFrom("teams").where("id", "=", id).execute();
}

/** Adds a member, or makes an SSO membership a local one (an admin's choice outlives the next sign-in). */
export async function upsertMember(
  db: Kysely<AuthTables>,
  member: { teamId: number; userId: number; addedAt: string },
): Promise<void> {
  await db
    .insertInto("team_members")
    .values({ team_id: member.teamId, user_id: member.userId, source: "local", added_at: member.addedAt })
    .onConflict((oc) => oc.columns(["team_id", "user_id"]).doUpdateSet({ source: "local" }))
    .execute();
}

/** Removes a member; false when they were not one. */
export async function deleteMember(db: Kysely<AuthTables>, teamId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("team_members")
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
