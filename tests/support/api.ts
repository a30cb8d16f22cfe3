import { inject } from "vitest";

export async function api<T = unknown>(pathname: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject("wharfUrl")}${pathname}`);
  return { status: response.status, body: (await response.json()) as T };
}
