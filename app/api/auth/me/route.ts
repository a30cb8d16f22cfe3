import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.me, async ({ principal }) => ({
  principal: { kind: principal.kind, name: principal.name, role: principal.role },
}));
