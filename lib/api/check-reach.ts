import "server-only";
import {
  describeTarget,
  lowerRole,
  reachesHost,
  roleAtLeast,
  roleOn,
  roleOnFleet,
  roleOnHost,
  type Access,
  type AccessRole,
} from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import type { Reach, RouteInput } from "./endpoint";

const has = (role: AccessRole | null) => (role === null ? "no role" : role);

/**
 * Holds a request to its endpoint's reach (./endpoint.ts): FORBIDDEN naming the grant it lacks, or NOT_FOUND
 * for a target the caller may not see, worded as the route words a target that does not exist. Returns the
 * role the caller acts with here (the lowest over the targets), for rules that ask it (the image rule).
 */
export async function checkReach<P, Q, B>(
  reach: Reach<P, Q, B>,
  needed: AccessRole,
  access: Access,
  input: RouteInput<P, Q, B>,
): Promise<AccessRole | null> {
  const fleet = roleOnFleet(access);
  if (reach.kind === "none" || reach.kind === "filtered") return null;
  if (reach.kind === "fleet" || (reach.kind === "host" && reach.hostId(input) === undefined)) {
    if (!roleAtLeast(fleet, needed))
      throw new WharfError("FORBIDDEN", `This needs ${needed} on the whole fleet; you have ${has(fleet)} there`);
    return fleet;
  }
  if (reach.kind === "host") {
    const hostId = reach.hostId(input)!;
    const role = roleOnHost(access, hostId);
    if (roleAtLeast(role, needed)) return role;
    if (!reachesHost(access, hostId))
      throw new WharfError("NOT_FOUND", `Host "${hostId}" is not in the fleet`);
    throw new WharfError(
      "FORBIDDEN",
      `This needs ${needed} on all of host ${hostId}; you have ${has(role)} there`,
    );
  }
  if (reach.kind !== "targets") return null;
  // A caller with the role on the whole fleet needs no lookup: the route finds (or misses) the target itself.
  if (roleAtLeast(fleet, needed)) return fleet;
  let acting: AccessRole | null = "admin";
  for (const found of await reach.targets(input)) {
    if ("missing" in found) throw found.missing;
    const role = roleOn(access, found.target);
    if (role === null) throw found.unseen ?? notFound(found.target);
    if (!roleAtLeast(role, needed))
      throw new WharfError(
        "FORBIDDEN",
        `This needs ${needed} on ${describeTarget(found.target)}; you have ${role} there`,
      );
    acting = lowerRole(acting, role);
  }
  return acting;
}

function notFound(target: { hostId: string; name: string; service?: string | null }): WharfError {
  const what = target.service && target.service === target.name ? "Service" : "Container";
  return new WharfError("NOT_FOUND", `${what} "${target.name}" not found on host "${target.hostId}"`);
}
