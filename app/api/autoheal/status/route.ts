import { route } from "@/lib/api/route";
import { readStatus } from "@/lib/autoheal/read-status";
import { statusQuerySchema } from "@/lib/autoheal/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer", query: statusQuerySchema }, async ({ query }) =>
  readStatus(query.host, query.container),
);
