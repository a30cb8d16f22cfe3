import { tokensApi } from "@/lib/auth/manage-tokens";
import { auditQuerySchema } from "@/lib/auth/schemas";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "admin", query: auditQuerySchema }, async ({ query }) =>
  tokensApi.audit(query.limit),
);
