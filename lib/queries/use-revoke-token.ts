"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ApiTokenInfo } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ token: ApiTokenInfo }>(`/api/tokens/${id}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
