import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route({ auth: "viewer" }, async ({ principal }) => ({
  principal: { kind: principal.kind, name: principal.name, role: principal.role },
}));
