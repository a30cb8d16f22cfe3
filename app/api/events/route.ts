import { route } from "@/lib/api/route";
import { openEventStream } from "@/lib/fleet/live/open-event-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer" }, ({ request }) => openEventStream(request));
