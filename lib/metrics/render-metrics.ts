import "server-only";
import { collectMetrics } from "./collect-metrics";
import { EXPOSITION_CONTENT_TYPE, renderExposition } from "./exposition";

/** GET /metrics: the exposition, never cached on the way. */
export async function renderMetrics(): Promise<Response> {
  const body = renderExposition(await collectMetrics());
  return new Response(body, {
    headers: { "content-type": EXPOSITION_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
