import { signOut } from "@/lib/auth/sign-out";
import { route } from "@/lib/api/route";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(authEndpoints.logout, async ({ request }) => signOut(request));
