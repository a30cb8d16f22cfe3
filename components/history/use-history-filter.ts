"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { pageQueryString, parseHistoryFilter, withPageDefaults } from "@/lib/history/history-search-params";
import type { HistoryFilter } from "@/lib/history/types";

/**
 * The filters live in the URL, so a view of the history can be bookmarked, shared and exported as it is. The
 * filter handed out carries the page's defaults, so the API calls and the export show what the page shows.
 */
export function useHistoryFilter(): [HistoryFilter, (next: HistoryFilter) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = useMemo(
    () => withPageDefaults(parseHistoryFilter(new URLSearchParams(params.toString()))),
    [params],
  );
  const replace = useCallback(
    (next: HistoryFilter) => {
      const query = pageQueryString(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [filter, replace];
}
