import { tokensApi } from "@/lib/auth/manage-tokens";
import { idParamsSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route(
  { auth: "admin", params: idParamsSchema },
  async ({ params, principal, request }) => tokensApi.revoke(params.id, principal, request),
);
