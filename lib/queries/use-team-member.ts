"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Team } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export type MembershipChange = { teamId: number; userId: number; adding: boolean };

/** Adds a user to a team or removes them. */
export function useTeamMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, userId, adding }: MembershipChange) =>
      fetchJson<{ team: Team }>(`/api/teams/${teamId}/members/${userId}`, {
        method: adding ? "PUT" : "DELETE",
      }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
