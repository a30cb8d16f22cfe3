"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { NewUser } from "@/lib/auth/schemas";
import type { User } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) =>
      fetchJson<{ user: User }>("/api/users", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(user),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
