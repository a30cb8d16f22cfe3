import { usersApi } from "@/lib/auth/manage-users";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PATCH = route(authEndpoints.updateUser, ({ params, body, principal, request }) =>
  usersApi.update(params.id, body, principal, request),
);
export const DELETE = route(authEndpoints.deleteUser, async ({ params, principal, request }) =>
  usersApi.remove(params.id, principal, request),
);
