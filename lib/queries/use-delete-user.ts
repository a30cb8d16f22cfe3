"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { adminKeys } from "./keys";

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ ok: true }>(`/api/users/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
