import { usersApi } from "@/lib/auth/manage-users";
import { idParamsSchema } from "@/lib/auth/schemas";
import { route } from "@/lib/api/route";
import { userPatchSchema } from "@/lib/auth/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(
  { auth: "admin", params: idParamsSchema, body: userPatchSchema },
  ({ params, body, principal, request }) => usersApi.update(params.id, body, principal, request),
);
export const DELETE = route(
  { auth: "admin", params: idParamsSchema },
  async ({ params, principal, request }) => usersApi.remove(params.id, principal, request),
);
