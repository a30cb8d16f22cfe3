import "server-only";
import { teamNameSchema } from "../scope-schema";

/** Each identity-provider group the admin mapped, and the Wharf teams it gives. */
export type TeamMap = ReadonlyMap<string, readonly string[]>;

/**
 * WHARF_OIDC_TEAMS: `group=team` pairs separated by commas (`wharf-shop=shop,wharf-ops=ops`). A group may give
 * several teams and several groups one team. Groups compare exactly as the provider spells them (Keycloak's
 * full paths start with "/"), so a group name may hold anything but "=" and ",". Throws naming the bad pair.
 */
export function parseTeamMap(value: string | undefined): TeamMap {
  const map = new Map<string, string[]>();
  const pairs = (value ?? "").split(",").map((pair) => pair.trim());
  pairs.forEach((pair, index) => {
    if (pair === "") return; // a trailing comma, or an empty variable
    const where = `pair ${index + 1} ("${pair}")`;
    const parts = pair.split("=").map((part) => part.trim());
    if (parts.length !== 2) throw new Error(`${where} must be GROUP=TEAM`);
    const [group = "", team = ""] = parts;
    if (group === "") throw new Error(`${where} names no group before "="`);
    const name = teamNameSchema.safeParse(team);
    if (!name.success) throw new Error(`${where}: the team ${name.error.issues[0]?.message}`);
    const teams = map.get(group) ?? [];
    if (!teams.some((known) => known.toLowerCase() === team.toLowerCase())) teams.push(team);
    map.set(group, teams);
  });
  return map;
}

export type GroupsClaim = { ok: true; groups: string[] } | { ok: false; problem: string };

/**
 * The groups a claim's value holds. Absent is no groups (Keycloak leaves the claim out for a user in none); a
 * single string is one group; anything else than strings is refused, so a provider sending something unexpected
 * is noticed instead of silently costing or giving teams.
 */
export function readGroupsClaim(value: unknown): GroupsClaim {
  if (value === undefined || value === null) return { ok: true, groups: [] };
  if (typeof value === "string") return { ok: true, groups: [value] };
  if (Array.isArray(value) && value.every((entry) => typeof entry === "string"))
    return { ok: true, groups: value };
  return { ok: false, problem: "is neither a string nor a list of strings" };
}

/** The teams the groups map to, each once (teams compare without case, as their names do), sorted. */
export function teamsForGroups(groups: readonly string[], map: TeamMap): string[] {
  const teams = new Map<string, string>();
  for (const group of groups)
    for (const team of map.get(group) ?? [])
      teams.set(team.toLowerCase(), teams.get(team.toLowerCase()) ?? team);
  return [...teams.values()].sort((a, b) => a.localeCompare(b));
}
