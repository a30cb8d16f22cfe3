import { setupStatus } from "@/lib/auth/setup-status";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "public" }, async () => setupStatus());
