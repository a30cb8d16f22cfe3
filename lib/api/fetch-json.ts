import { isErrorBody, WharfError } from "./errors";

/** Client-side fetch that turns the API's one error shape back into a WharfError with its message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new WharfError("HOST_UNREACHABLE", "Wharf's server cannot be reached");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) throw new WharfError(body.error.code, body.error.message, body.error.details);
    throw new WharfError("INTERNAL", `Wharf answered HTTP ${response.status}`);
  }
  return body as T;
}
