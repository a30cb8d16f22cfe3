"use client";
import { isErrorBody } from "@/lib/core/errors";
import { sendToLogin } from "@/lib/api/fetch-json";

/**
 * EventSource hides why a stream was refused (a 404, a host that is down). Asking once with fetch gets the
 * API's error message, which names the host or container. A 401 means the session is over: asking again with
 * it would be refused forever, so the browser goes to sign in instead.
 */
export async function explainStreamFailure(url: string): Promise<string> {
  try {
    const response = await fetch(url, { headers: { accept: "text/event-stream" } });
    if (response.ok) {
      await response.body?.cancel();
      return "The stream closed; reconnecting…";
    }
    if (response.status === 401) sendToLogin();
    const body: unknown = await response.json().catch(() => null);
    return isErrorBody(body) ? body.error.message : `Wharf answered HTTP ${response.status}`;
  } catch {
    return "Wharf's server cannot be reached";
  }
}
