import { signOut } from "@/lib/auth/sign-out";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "viewer" }, async ({ request }) => signOut(request));
