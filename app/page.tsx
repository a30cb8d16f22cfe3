import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { Suspense } from "react";
import { FleetOverview } from "@/components/fleet/fleet-overview";
import { Spinner } from "@/components/ui/spinner";
import { parseFleetView } from "@/lib/fleet/fleet-search-params";
import { readFirstScreen } from "@/lib/fleet/read-first-screen";
import type { HostsResponse } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { fleetKeys, incidentKeys } from "@/lib/queries/keys";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FleetPage({ searchParams }: Props) {
  const first = await firstScreen(searchParams);
  // useSearchParams needs a Suspense boundary for the static shell. The boundary stays in the tree when there is
  // nothing to hydrate: a filter change re-renders this page, and a different tree would remount the table.
  return (
    <Suspense fallback={<Spinner label="Loading the fleet…" />}>
      <HydrationBoundary state={first?.state}>
        <FleetOverview firstScreen={first?.screen ?? null} />
      </HydrationBoundary>
    </Suspense>
  );
}

/**
 * A page load gets its first screen of rows in the HTML, and the hosts and open incidents in the query cache,
 * so nothing on screen waits for the event stream's snapshot (megabytes at thousands of containers). Not for a
 * client-side navigation or a filter change (an RSC request): that page already has the stream's data.
 */
async function firstScreen(searchParams: Props["searchParams"]) {
  const incoming = await headers();
  if (incoming.get("rsc") !== null) return null;
  const params = new URLSearchParams();
  // As useSearchParams().get reads them on the page: the first value of a repeated parameter.
  for (const [name, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(name, first);
  }
  const first = await readFirstScreen(
    new Request("http://wharf.invalid/", { headers: incoming }),
    parseFleetView(params),
  );
  if (!first) return null;
  const client = new QueryClient();
  client.setQueryData<HostsResponse>(fleetKeys.hosts(), { hosts: first.hosts });
  client.setQueryData<IncidentsResponse>(incidentKeys.list({ open: true }), { incidents: first.incidents });
  return { screen: first.screen, state: dehydrate(client) };
}
