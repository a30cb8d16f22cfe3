import "server-only";
import { NextResponse } from "next/server";
import { authDatabase } from "@/lib/auth/auth-database";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { login } from "@/lib/auth/login";
import type { LoginBody } from "@/lib/auth/schemas";
import { sessionCookie } from "./session-cookie";

export async function signIn(request: Request, body: LoginBody): Promise<Response> {
  const { token, user, expiresAt } = await login(await authDatabase(), {
    username: body.username,
    password: body.password,
    address: clientAddress(request),
    userAgent: request.headers.get("user-agent"),
  });
  const response = NextResponse.json({ user });
  response.headers.set("set-cookie", sessionCookie(request, token, expiresAt));
  return response;
}
