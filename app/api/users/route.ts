import { usersApi } from "@/lib/auth/manage-users";
import { route } from "@/lib/api/route";
import { newUserSchema } from "@/lib/auth/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "admin" }, async () => usersApi.list());
export const POST = route({ auth: "admin", body: newUserSchema }, ({ body, principal, request }) =>
  usersApi.create(body, principal, request),
);
