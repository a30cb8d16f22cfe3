"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import type { InsightsQuery, InsightsResponse } from "@/lib/insights/types";
import { historyKeys } from "./keys";
import { retryUnlessRefused } from "./retry-unless-refused";

export function useInsights(query: InsightsQuery) {
  const params = new URLSearchParams(
    Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][],
  );
  return useQuery({
    queryKey: historyKeys.insights(query),
    queryFn: ({ signal }) => fetchJson<InsightsResponse>(`/api/insights?${params}`, { signal }),
    retry: retryUnlessRefused,
  });
}
