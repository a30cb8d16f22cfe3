"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { adminKeys } from "./keys";

/** Deletes a team with its memberships and grants: the grants list changes too, so all of admin re-reads. */
export function useDeleteTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ ok: true }>(`/api/teams/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
