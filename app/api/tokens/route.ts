import { tokensApi } from "@/lib/auth/manage-tokens";
import { route } from "@/lib/api/route";
import { newTokenSchema } from "@/lib/auth/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "admin" }, async () => tokensApi.list());
export const POST = route({ auth: "admin", body: newTokenSchema }, async ({ body, principal, request }) =>
  tokensApi.create(body, principal, request),
);
