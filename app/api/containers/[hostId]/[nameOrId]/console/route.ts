import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { mintConsoleTicket } from "@/lib/console/mint-console-ticket";
import { consoleEndpoints } from "@/lib/openapi/endpoints/console";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST mints the ticket; the WebSocket upgrade of this same path is served by scripts/request-guard.mjs.
export const POST = route(
  consoleEndpoints.openConsole,
  async ({ params, body, principal, request, targets }) => {
    const ticket = await mintConsoleTicket(
      params.hostId,
      params.nameOrId,
      body,
      principal,
      clientAddress(request),
      targets[0],
    );
    return NextResponse.json(ticket, { headers: { "cache-control": "no-store" } });
  },
);
