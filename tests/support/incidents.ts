import { vi } from "vitest";
import type { IncidentsResponse } from "@/lib/incidents/types";
import type { Incident } from "@/lib/fleet/incident-types";
import { api } from "./api";

export async function incidentsOf(host: string, container: string): Promise<Incident[]> {
  const { body } = await api<IncidentsResponse>(
    `/api/incidents?host=${host}&container=${encodeURIComponent(container)}`,
  );
  return body.incidents;
}

/** Waits until the container's incidents satisfy `check` (they are recorded from events, a moment later). */
export async function waitForIncidents(
  host: string,
  container: string,
  check: (incidents: Incident[]) => boolean,
  timeout = 20_000,
): Promise<Incident[]> {
  let last: Incident[] = [];
  await vi.waitFor(
    async () => {
      last = await incidentsOf(host, container);
      if (!check(last))
        throw new Error(`incidents of ${host}/${container} not as expected yet: ${JSON.stringify(last)}`);
    },
    { timeout, interval: 200 },
  );
  return last;
}
