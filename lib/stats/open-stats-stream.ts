import "server-only";
import { sseResponse } from "@/lib/api/sse-response";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import type { EngineStats } from "@/lib/docker/engine-stats";
import { followStats } from "@/lib/docker/follow-stats";
import { toWharfError } from "@/lib/docker/engine-error";
import { startFollow } from "@/lib/docker/start-follow";
import type { ContainerParams } from "@/lib/fleet/schemas";
import type { EngineEndEvent } from "@/lib/logs/types";
import { computeUsage } from "./compute-usage";

/**
 * GET /api/containers/{hostId}/{nameOrId}/stats: a `sample` event per engine reading (about one a second),
 * `idle` while the engine reports the container as not running. The engine only samples while someone reads,
 * and the stream lives exactly as long as the client's request.
 */
export async function openStatsStream(
  request: Request,
  caller: StreamCaller,
  params: ContainerParams,
): Promise<Response> {
  const { host, engine, follow } = await startFollow(
    request,
    params.hostId,
    params.nameOrId,
    (host, signal) => followStats(host, params.nameOrId, { signal }),
  );

  return sseResponse(
    request,
    caller,
    engine,
    async (channel) => {
      let previous: EngineStats | null = null;
      let idle = false;
      let end: EngineEndEvent = { reason: "stopped" };
      try {
        await follow.pipe((stats) => {
          const sample = computeUsage(stats, previous);
          previous = sample ? stats : null;
          if (sample) channel.send("sample", sample);
          else if (!idle) channel.send("idle", {});
          idle = !sample;
        });
      } catch (error) {
        end = { reason: "error", message: toWharfError(error, host, params.nameOrId).message };
      }
      if (!engine.signal.aborted) channel.send("end", end);
    },
    { kind: "stats", retryMs: 2_000 },
  );
}
