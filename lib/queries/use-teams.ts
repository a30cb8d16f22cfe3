"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Team } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useTeams() {
  return useQuery({
    queryKey: adminKeys.teams(),
    queryFn: () => fetchJson<{ teams: Team[] }>("/api/teams"),
  });
}
