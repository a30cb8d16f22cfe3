import { z } from "zod";
import { route } from "@/lib/api/route";
import { exportInventoryCsv } from "@/lib/fleet/export-inventory-csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: z.object({}).strict() }, async () => exportInventoryCsv());
