import { usersApi } from "@/lib/auth/manage-users";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.listUsers, async () => usersApi.list());
export const POST = route(authEndpoints.createUser, ({ body, principal, request }) =>
  usersApi.create(body, principal, request),
);
