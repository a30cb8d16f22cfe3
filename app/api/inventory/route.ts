import { route } from "@/lib/api/route";
import { visibilityOf } from "@/lib/fleet/fleet-targets";
import { listInventory } from "@/lib/fleet/list-inventory";
import { insightEndpoints } from "@/lib/openapi/endpoints/insights";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(insightEndpoints.inventory, async ({ access }) =>
  listInventory(visibilityOf(access)),
);
