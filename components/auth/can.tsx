"use client";
import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/types";
import { useCan } from "@/lib/queries/use-can";

/**
 * Renders `children` only for a principal with at least `role`. The server refuses the request anyway; this
 * keeps viewers from being offered buttons that can only fail.
 */
export function Can({ role, children }: { role: Role; children: ReactNode }) {
  return useCan(role) ? children : null;
}
