import "server-only";
import type { Access } from "@/lib/api/endpoint";

/**
 * /metrics needs a viewer (a session, or an API token as Prometheus's `authorization` credentials), unless
 * WHARF_METRICS_PUBLIC=1 opens it: for a scraper that cannot send a token, on a network that is trusted.
 */
export function metricsAccess(env: NodeJS.ProcessEnv = process.env): Access {
  return env.WHARF_METRICS_PUBLIC === "1" ? "public" : "viewer";
}
