import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { listHosts } from "@/lib/fleet/list-hosts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(fleetEndpoints.hosts, ({ access }) => listHosts(visibilityOf(access)));
