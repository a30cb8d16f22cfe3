"use client";
import { useQuery } from "@tanstack/react-query";
import { WharfError } from "@/lib/core/errors";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Principal } from "@/lib/auth/types";
import { authKeys } from "./keys";

export type MeResponse = {
  /** `role`: the highest held anywhere; `scoped`: it sees part of the fleet (its grants), not all of it. */
  principal: Pick<Principal, "kind" | "name" | "role"> & { scoped?: boolean };
  setup?: { usersExist: boolean };
};

/**
 * Who this browser is signed in as. A minute of staleness is fine: the server checks the role on every
 * request anyway; this only decides which buttons to show. Signed out, it fails with UNAUTHORIZED.
 */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: () => fetchJson<MeResponse>("/api/auth/me"),
    staleTime: 60_000,
    // A 401 will not turn into a 200 by asking again; a dropped connection might.
    retry: (failures, error) =>
      !(error instanceof WharfError && error.code === "UNAUTHORIZED") && failures < 1,
  });
}
