import "server-only";
import { WharfError } from "@/lib/core/errors";
import { authenticateRequest } from "./authenticate-request";
import { hasRole, type Principal, type Role } from "./types";

/** For route handlers: the principal when it has at least `needed`, else UNAUTHORIZED (nobody) or FORBIDDEN. */
export async function requireRole(request: Request, needed: Role): Promise<Principal> {
  const principal = await authenticateRequest(request);
  if (principal === null) {
    throw new WharfError("UNAUTHORIZED", "Sign in, or send an API token as Authorization: Bearer <token>");
  }
  if (!hasRole(principal, needed)) {
    throw new WharfError(
      "FORBIDDEN",
      `This needs the ${needed} role; ${principal.name} has ${principal.role}`,
    );
  }
  return principal;
}
