import { route } from "@/lib/api/route";
import { whoIsCalling } from "@/lib/auth/who-is-calling";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(authEndpoints.me, ({ principal }) => whoIsCalling(principal));
