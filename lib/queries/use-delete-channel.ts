"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { alertKeys } from "./keys";

export function useDeleteChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ ok: true }>(`/api/alerts/channels/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
