import { route } from "@/lib/api/route";
import { listInventory } from "@/lib/fleet/list-inventory";
import { insightEndpoints } from "@/lib/openapi/endpoints/insights";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(insightEndpoints.inventory, async () => listInventory());
