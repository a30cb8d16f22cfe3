import { route } from "@/lib/api/route";
import { listHosts } from "@/lib/fleet/list-hosts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer" }, () => listHosts());
