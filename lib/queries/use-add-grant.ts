"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { NewGrant } from "@/lib/auth/scope-schema";
import type { GrantInfo } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useAddGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (grant: NewGrant) =>
      fetchJson<{ grant: GrantInfo }>("/api/grants", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(grant),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
