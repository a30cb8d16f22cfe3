import "server-only";
import { sseResponse } from "@/lib/api/sse-response";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import { followLogs } from "@/lib/docker/follow-logs";
import { toWharfError } from "@/lib/docker/engine-error";
import { startFollow } from "@/lib/docker/start-follow";
import type { LogEntry } from "@/lib/docker/types";
import type { ContainerParams } from "@/lib/fleet/schemas";
import type { LogsQuery } from "./schemas";
import type { EngineEndEvent, LinesEvent } from "./types";

// A chatty container's lines go out in batches: at 1,000 lines a second that is 20 events, not 1,000.
const BATCH_MS = 50;
const BATCH_LINES = 1_000;

/**
 * GET /api/containers/{hostId}/{nameOrId}/logs: the container's last lines, then new ones as they are written,
 * as server-sent events. An unknown host or container fails before the stream starts, so it is answered as
 * JSON with its status. The engine stream lives exactly as long as the client's request.
 */
export async function openLogStream(
  request: Request,
  caller: StreamCaller,
  params: ContainerParams,
  query: LogsQuery,
): Promise<Response> {
  const { host, engine, follow } = await startFollow(
    request,
    params.hostId,
    params.nameOrId,
    (host, signal) => followLogs(host, params.nameOrId, { tail: query.tail, signal }),
  );

  return sseResponse(
    request,
    caller,
    engine,
    async (channel) => {
      let batch: LogEntry[] = [];
      let skipped = 0;
      let timer: NodeJS.Timeout | undefined;
      const flush = () => {
        clearTimeout(timer);
        timer = undefined;
        if (batch.length === 0) return;
        // A client that stopped reading (a frozen tab, a slow link) gets the tail when it catches up, not a
        // backlog growing in this process: what it missed is counted and said.
        if (!channel.keepingUp()) {
          skipped += batch.length;
        } else {
          if (skipped > 0) channel.send("skipped", { count: skipped });
          skipped = 0;
          channel.send("lines", { lines: batch } satisfies LinesEvent);
        }
        batch = [];
      };
      let end: EngineEndEvent = { reason: "stopped" };
      try {
        await follow.pipe((lines) => {
          for (const line of lines) batch.push(query.timestamps ? line : { ...line, ts: null });
          if (batch.length >= BATCH_LINES) flush();
          else timer ??= setTimeout(flush, BATCH_MS);
        });
      } catch (error) {
        end = { reason: "error", message: toWharfError(error, host, params.nameOrId).message };
      }
      flush();
      if (!engine.signal.aborted) channel.send("end", end);
    },
    { kind: "logs", retryMs: 2_000 },
  );
}
