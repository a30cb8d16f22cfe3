import "server-only";
import type { Visibility } from "@/lib/fleet/fleet-targets";
import { collectMetrics } from "./collect-metrics";
import { EXPOSITION_CONTENT_TYPE, renderExposition } from "./exposition";

/** GET /metrics: the exposition, never cached on the way. */
export async function renderMetrics(view?: Visibility): Promise<Response> {
  const body = renderExposition(await collectMetrics(view));
  return new Response(body, {
    headers: { "content-type": EXPOSITION_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
