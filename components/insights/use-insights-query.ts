"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { InsightsQuery } from "@/lib/insights/types";

const KEYS = ["from", "to", "host", "project"] as const;

/** The period and scope live in the URL, so a view of the insights can be bookmarked and shared. */
export function useInsightsQuery(): [InsightsQuery, (next: InsightsQuery) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = useMemo(() => {
    const q: InsightsQuery = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) q[key] = value;
    }
    return q;
  }, [params]);
  const replace = useCallback(
    (next: InsightsQuery) => {
      const search = new URLSearchParams();
      for (const key of KEYS) if (next[key]) search.set(key, next[key]!);
      const text = search.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [query, replace];
}
