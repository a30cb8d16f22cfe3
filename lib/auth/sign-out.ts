import "server-only";
import { NextResponse } from "next/server";
import { authDatabase } from "@/lib/auth/auth-database";
import { clientAddress, readSessionToken } from "@/lib/auth/authenticate-request";
import { logout } from "@/lib/auth/logout";
import { sessionCookie } from "./session-cookie";

export async function signOut(request: Request): Promise<Response> {
  const token = readSessionToken(request);
  if (token) await logout(await authDatabase(), token, clientAddress(request));
  const response = NextResponse.json({ ok: true });
  response.headers.set("set-cookie", sessionCookie(request, "", null));
  return response;
}
