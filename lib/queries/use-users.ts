"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { User } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: () => fetchJson<{ users: User[] }>("/api/users"),
    // No event stream feeds this list: read it afresh whenever the settings page opens.
    staleTime: 0,
  });
}
