import { route } from "@/lib/api/route";
import { startSso } from "@/lib/auth/sso/start-sso";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.ssoStart, ({ request, query }) => startSso(request, query));
