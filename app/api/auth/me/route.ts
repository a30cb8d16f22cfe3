import { route } from "@/lib/api/route";
import { whoIsCalling } from "@/lib/auth/who-is-calling";
import { seesEverything } from "@/lib/core/access-rule";
import { authEndpoints } from "@/lib/openapi/endpoints/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// `scoped`: the caller sees part of the fleet (its grants), so the page may say so.
export const GET = route(authEndpoints.me, ({ principal, access }) =>
  whoIsCalling(principal, !seesEverything(access)),
);
