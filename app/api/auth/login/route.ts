import { signIn } from "@/lib/auth/sign-in";
import { route } from "@/lib/api/route";
import { loginBodySchema } from "@/lib/auth/schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route({ auth: "public", body: loginBodySchema }, ({ request, body }) =>
  signIn(request, body),
);
