"use client";
import { isErrorBody } from "@/lib/api/errors";

/**
 * EventSource hides why a stream was refused (a 404, a host that is down). Asking once with fetch gets the
 * API's error message, which names the host or container.
 */
export async function explainStreamFailure(url: string): Promise<string> {
  try {
    const response = await fetch(url, { headers: { accept: "text/event-stream" } });
    if (response.ok) {
      await response.body?.cancel();
      return "The stream closed; reconnecting…";
    }
    const body: unknown = await response.json().catch(() => null);
    return isErrorBody(body) ? body.error.message : `Wharf answered HTTP ${response.status}`;
  } catch {
    return "Wharf's server cannot be reached";
  }
}
