import { route } from "@/lib/api/route";
import { readHealth } from "@/lib/cluster/read-health";
import { systemEndpoints } from "@/lib/openapi/endpoints/system";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(systemEndpoints.health, () => readHealth());
