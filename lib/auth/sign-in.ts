import "server-only";
import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { login } from "@/lib/auth/login";
import type { LoginBody } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/db";
import { sessionCookie } from "./session-cookie";

export async function signIn(request: Request, body: LoginBody): Promise<Response> {
  const { token, user, expiresAt } = await login(getDb(), {
    username: body.username,
    password: body.password,
    address: clientAddress(request),
    userAgent: request.headers.get("user-agent"),
  });
  const response = NextResponse.json({ user });
  response.headers.set("set-cookie", sessionCookie(request, token, expiresAt));
  return response;
}
