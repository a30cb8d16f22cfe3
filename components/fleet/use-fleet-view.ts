"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseFleetView, serializeFleetView, type FleetView } from "@/lib/fleet/fleet-search-params";

/** The table's filters and sort live in the URL, so a view can be bookmarked, shared and survives a reload. */
export function useFleetView(): [FleetView, (change: Partial<FleetView>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseFleetView(new URLSearchParams(params.toString())), [params]);
  const update = useCallback(
    (change: Partial<FleetView>) => {
      const query = serializeFleetView({ ...view, ...change });
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [view, router, pathname],
  );
  return [view, update];
}
