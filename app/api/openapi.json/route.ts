import { route } from "@/lib/api/route";
import { systemEndpoints } from "@/lib/openapi/endpoints/system";
import { openapiDocument } from "@/lib/openapi/openapi-document";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(systemEndpoints.openapi, async () => openapiDocument());
