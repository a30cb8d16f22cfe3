import { signIn } from "@/lib/auth/sign-in";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(authEndpoints.login, ({ request, body }) => signIn(request, body));
