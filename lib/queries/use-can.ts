"use client";
import { hasRole, type Role } from "@/lib/auth/types";
import { useMe } from "./use-me";

/**
 * Whether the signed-in principal has at least `role`, to hide what it could not do anyway. False until
 * /api/auth/me answers, so a viewer never sees a button flash up and then vanish.
 */
export function useCan(role: Role): boolean {
  const { data } = useMe();
  return hasRole(data?.principal, role);
}
