"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { GrantInfo } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useGrants() {
  return useQuery({
    queryKey: adminKeys.grants(),
    queryFn: () => fetchJson<{ grants: GrantInfo[] }>("/api/grants"),
  });
}
