import { setupStatus } from "@/lib/auth/setup-status";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.setup, async () => setupStatus());
