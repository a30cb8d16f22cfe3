import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { listServices } from "@/lib/services/list-services";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(serviceEndpoints.services, ({ query, access }) =>
  listServices(query.host, visibilityOf(access)),
);
