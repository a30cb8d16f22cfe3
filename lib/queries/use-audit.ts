"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { AuditEntry } from "@/lib/auth/types";
import { adminKeys } from "./keys";

/** The latest `limit` audit entries, newest first. */
export function useAudit(limit = 200) {
  return useQuery({
    queryKey: adminKeys.audit(limit),
    queryFn: async () => {
      const { entries } = await fetchJson<{ entries: AuditEntry[] }>(`/api/audit?limit=${limit}`);
      // Newest first whatever order the server keeps: ids grow with time.
      return { entries: [...entries].sort((a, b) => b.id - a.id) };
    },
    staleTime: 0,
  });
}
