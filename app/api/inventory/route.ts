import { z } from "zod";
import { route } from "@/lib/api/route";
import { listInventory } from "@/lib/fleet/list-inventory";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: z.object({}).strict() }, async () => listInventory());
