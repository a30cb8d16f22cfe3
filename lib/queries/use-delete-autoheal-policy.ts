"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AutohealPolicy } from "@/lib/autoheal/types";
import { autohealKeys } from "./keys";

export function useDeleteAutohealPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson<{ policy: AutohealPolicy }>(`/api/autoheal/policies/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: autohealKeys.all }),
  });
}
