"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { historyQueryString } from "@/lib/history/history-search-params";
import type { HistoryFilter, HistoryTimeline } from "@/lib/history/types";
import { historyKeys } from "./keys";
import { retryUnlessRefused } from "./retry-unless-refused";

/** Deploys per day, host and outcome for the chart, over at most `days` days. */
export function useHistoryTimeline(filter: HistoryFilter = {}, days?: number) {
  return useQuery({
    queryKey: historyKeys.timeline(filter, days),
    queryFn: ({ signal }) =>
      fetchJson<HistoryTimeline>(`/api/history/timeline?${historyQueryString({ ...filter, days })}`, {
        signal,
      }),
    // As for the list: nothing pushes history changes yet.
    staleTime: 0,
    retry: retryUnlessRefused,
  });
}
