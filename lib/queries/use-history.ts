"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { historyQueryString } from "@/lib/history/history-search-params";
import type { HistoryFilter, HistoryPage } from "@/lib/history/types";
import { historyKeys } from "./keys";
import { retryUnlessRefused } from "./retry-unless-refused";

/** The deploy history, newest first, a page at a time (`fetchNextPage` follows the server's cursor). */
export function useHistory(filter: HistoryFilter & { limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: historyKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<HistoryPage>(
        `/api/history?${historyQueryString({ ...filter, cursor: pageParam ?? undefined })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // No live feed carries history rows yet (actions invalidate historyKeys.all); re-read when a view mounts.
    staleTime: 0,
    retry: retryUnlessRefused,
  });
}
