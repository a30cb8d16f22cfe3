import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { EngineInfo } from "./types";

/** One round-trip to the engine: its versions, and how long it took to answer. */
export async function readEngineInfo(host: Host, signal?: AbortSignal): Promise<EngineInfo> {
  const started = performance.now();
  // @types/dockerode lags dockerode 5: version() does take options, and the abort signal is honoured.
  const client = getClient(host) as unknown as {
    version(opts: { abortSignal?: AbortSignal }): Promise<{ Version: string; ApiVersion: string }>;
  };
  const version = await client.version({ abortSignal: signal });
  return {
    engineVersion: version.Version,
    apiVersion: version.ApiVersion,
    latencyMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
