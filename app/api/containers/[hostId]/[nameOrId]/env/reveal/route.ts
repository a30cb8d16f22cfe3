import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { fleetEndpoints } from "@/lib/openapi/endpoints/fleet";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { revealEnvValue } from "@/lib/fleet/reveal-env-value";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST, not GET: a secret read is CSRF-checked like a change, and nothing on the way may cache it.
export const POST = route(fleetEndpoints.revealEnv, async ({ params, body, principal, request }) => {
  const revealed = await revealEnvValue(
    params.hostId,
    params.nameOrId,
    body.key,
    principal,
    clientAddress(request),
  );
  return NextResponse.json(revealed, { headers: { "cache-control": "no-store" } });
});
