import { inject } from "vitest";

/** GET against the suite's Wharf, as the test admin (an API token). */
export async function api<T = unknown>(pathname: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject("wharfUrl")}${pathname}`, { headers: authHeaders() });
  return { status: response.status, body: (await response.json()) as T };
}

export function authHeaders(token = inject("wharfToken")): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
