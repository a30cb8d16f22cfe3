import { inject } from "vitest";
import { authHeaders } from "./api";

export async function post<T = unknown>(
  pathname: string,
  body: unknown = {},
  base = inject("wharfUrl"),
  token = inject("wharfToken"),
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders(token) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
