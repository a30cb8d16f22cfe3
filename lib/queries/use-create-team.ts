"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Team } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson<{ team: Team }>("/api/teams", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
