import { signOut } from "@/lib/accounts/sign-out";
import { route } from "@/lib/api/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "viewer" }, async ({ request }) => signOut(request));
