import "server-only";
import type { Endpoint } from "@/lib/api/endpoint";
import { actionEndpoints } from "./endpoints/actions";
import { authEndpoints } from "./endpoints/auth";
import { autohealEndpoints } from "./endpoints/autoheal";
import { consoleEndpoints } from "./endpoints/console";
import { fleetEndpoints } from "./endpoints/fleet";
import { imageEndpoints } from "./endpoints/images";
import { incidentEndpoints } from "./endpoints/incidents";
import { insightEndpoints } from "./endpoints/insights";
import { alertEndpoints } from "./endpoints/alerts";
import { serviceEndpoints } from "./endpoints/services";
import { systemEndpoints } from "./endpoints/system";
import { teamEndpoints } from "./endpoints/teams";

export type NamedEndpoint = { operationId: string; endpoint: Endpoint };

/**
 * Every endpoint Wharf serves, in the order the description lists them. A route file serves one of these
 * (route(fleetEndpoints.containers, …)); lib/openapi/openapi.test.ts fails when a route file serves something
 * not listed here, or when a listed endpoint has no route file.
 */
export function allEndpoints(): NamedEndpoint[] {
  const groups: Record<string, Endpoint>[] = [
    systemEndpoints,
    authEndpoints,
    teamEndpoints,
    fleetEndpoints,
    actionEndpoints,
    incidentEndpoints,
    insightEndpoints,
    autohealEndpoints,
    alertEndpoints,
    serviceEndpoints,
    consoleEndpoints,
    imageEndpoints,
    // The groups' own types keep each endpoint's schemas for its handler; listed, they are plain endpoints.
  ] as unknown as Record<string, Endpoint>[];
  return groups.flatMap((group) =>
    Object.entries(group).map(([operationId, endpoint]) => ({ operationId, endpoint })),
  );
}
