"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { UserPatch } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/types";
import { adminKeys, authKeys } from "./keys";

/** Changes a user's role or password, or disables / enables them. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) =>
      fetchJson<{ user: User }>(`/api/users/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      }),
    // An admin may have changed their own role: what the page shows them follows.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminKeys.all }),
        client.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}
