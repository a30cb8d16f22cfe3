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
  type Target,
} from "@/lib/core/access-rule";
import { WharfError } from "@/lib/core/errors";
import type { Reach, RouteInput } from "./endpoint";

const has = (role: AccessRole | null) => (role === null ? "no role" : role);

/**
 * Holds a request to its endpoint's reach (./endpoint.ts): FORBIDDEN naming the grant it lacks, or NOT_FOUND
 * for a target the caller may not see, worded as the route words a target that does not exist. Returns the
 * role the caller acts with here (the lowest over the targets), for rules that ask it (the image rule), and the
 * targets it looked up (none for a caller whose fleet-wide role covers the route: nothing needed looking up).
 */
export async function checkReach<P, Q, B>(
  reach: Reach<P, Q, B>,
  needed: AccessRole,
  access: Access,
  input: RouteInput<P, Q, B>,
): Promise<{ acting: AccessRole | null; targets: Target[] }> {
  const fleet = roleOnFleet(access);
  const none = { acting: null, targets: [] };
  if (reach.kind === "none" || reach.kind === "filtered") return none;
  if (reach.kind === "fleet" || (reach.kind === "host" && reach.hostId(input) === undefined)) {
    if (!roleAtLeast(fleet, needed))
      throw new WharfError(
        "FORBIDDEN",
        `This needs ${needed} on the whole fleet; you have ${has(fleet)} there`,
      );
    return { acting: fleet, targets: [] };
  }
  if (reach.kind === "host") {
    const hostId = reach.hostId(input)!;
    const role = roleOnHost(access, hostId);
    if (roleAtLeast(role, needed)) return { acting: role, targets: [] };
    if (!reachesHost(access, hostId))
      throw new WharfError("NOT_FOUND", `Host "${hostId}" is not in the fleet`);
    throw new WharfError(
      "FORBIDDEN",
      `This needs ${needed} on all of host ${hostId}; you have ${has(role)} there`,
    );
  }
  if (reach.kind !== "targets") return none;
  // A caller with the role on the whole fleet needs no lookup: the route finds (or misses) the target itself.
  if (roleAtLeast(fleet, needed)) return { acting: fleet, targets: [] };
  let acting: AccessRole | null = "admin";
  const targets: Target[] = [];
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
    targets.push(found.target);
  }
  return { acting, targets };
}

function notFound(target: { hostId: string; name: string; service?: string | null }): WharfError {
  const what = target.service && target.service === target.name ? "Service" : "Container";
  return new WharfError("NOT_FOUND", `${what} "${target.name}" not found on host "${target.hostId}"`);
}
