import { inject } from "vitest";

export async function post<T = unknown>(pathname: string, body: unknown = {}, base = inject("wharfUrl")): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
