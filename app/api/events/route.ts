import { route } from "@/lib/api/route";
import { openEventStream } from "@/lib/fleet/live/open-event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The stream re-checks its caller against the same role for as long as it stays open.
const needs = "viewer";
export const GET = route({ auth: needs }, ({ request, principal }) =>
  openEventStream(request, { principal, needs }),
);
