"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { NewToken } from "@/lib/auth/schemas";
import type { ApiTokenInfo } from "@/lib/auth/types";
import { adminKeys } from "./keys";

/** `token` is the secret, returned this once: the server keeps only its hash. */
export type CreatedToken = { token: string; info: ApiTokenInfo };

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: NewToken) =>
      fetchJson<CreatedToken>("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(token),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
