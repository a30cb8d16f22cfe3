import "server-only";
import { NextResponse } from "next/server";
import { clientAddress, readSessionToken } from "@/lib/auth/authenticate-request";
import { logout } from "@/lib/auth/logout";
import { getDb } from "@/lib/db/db";
import { sessionCookie } from "./session-cookie";

export function signOut(request: Request): Response {
  const token = readSessionToken(request);
  if (token) logout(getDb(), token, clientAddress(request));
  const response = NextResponse.json({ ok: true });
  response.headers.set("set-cookie", sessionCookie(request, "", null));
  return response;
}
