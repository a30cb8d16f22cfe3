import { route } from "@/lib/api/route";
import { serviceEndpoints } from "@/lib/openapi/endpoints/services";
import { getService } from "@/lib/services/get-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(serviceEndpoints.service, ({ params }) => getService(params.hostId, params.name));
