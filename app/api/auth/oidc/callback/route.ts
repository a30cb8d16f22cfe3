import { route } from "@/lib/api/route";
import { finishSso } from "@/lib/auth/sso/finish-sso";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.ssoCallback, ({ request }) => finishSso(request));
