import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { listHosts } from "@/lib/fleet/list-hosts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(fleetEndpoints.hosts, () => listHosts());
