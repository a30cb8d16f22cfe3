"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ApiTokenInfo } from "@/lib/auth/types";
import { adminKeys } from "./keys";

export function useTokens() {
  return useQuery({
    queryKey: adminKeys.tokens(),
    queryFn: () => fetchJson<{ tokens: ApiTokenInfo[] }>("/api/tokens"),
    // "Last used" moves whenever a script calls the API: read it afresh whenever the settings page opens.
    staleTime: 0,
  });
}
