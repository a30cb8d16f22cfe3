import { isLoginPath, loginHref } from "@/lib/auth/login-redirect";
import { isErrorBody, WharfError, type ErrorBody } from "@/lib/core/errors";

/** Client-side fetch that turns the API's one error shape back into a WharfError with its message. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new WharfError("HOST_UNREACHABLE", "Wharf's server cannot be reached");
  }
  if (response.status === 401 && typeof window !== "undefined" && !isAuthApi(url)) sendToLogin();
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { error, ...extra } = body as ErrorBody & Record<string, unknown>;
      throw new WharfError(error.code, error.message, error.details, extra);
    }
    throw new WharfError("INTERNAL", `Wharf answered HTTP ${response.status}`);
  }
  return body as T;
}

// The auth routes answer 401 as part of their job (a wrong password, nobody signed in yet): their callers
// show that themselves. Anywhere else a 401 means the session lapsed.
function isAuthApi(url: string): boolean {
  return new URL(url, window.location.href).pathname.startsWith("/api/auth/");
}

/** Off to sign in, then back to this page. `replace`: the page that failed is not worth a Back step. */
export function sendToLogin(): void {
  const { pathname, search } = window.location;
  if (!isLoginPath(pathname)) window.location.replace(loginHref(`${pathname}${search}`));
}
