import "server-only";
import type { EngineStats } from "./engine-stats";
import { getStreamClient } from "./get-client";
import type { Host } from "./host-config";
import { inspectContainer } from "./inspect-container";
import { pipeEngineStream, type EngineStream } from "./pipe-engine-stream";
import { withDeadline } from "./with-deadline";

export type StatsFollow = {
  /** Calls `onStats` with each document (about one a second) until the engine ends the stream or it fails. */
  pipe(onStats: (stats: EngineStats) => void): Promise<void>;
};

/**
 * Opens the engine's stats stream of a container. Throws (before anything streams) when the container does not
 * exist or the host refuses. Aborting `signal` destroys the engine connection, which stops the engine's
 * sampling for this reader.
 */
export async function followStats(
  host: Host,
  nameOrId: string,
  options: { signal: AbortSignal },
): Promise<StatsFollow> {
  // The stream client has no timeout: the inspect bounds by the host's timeout how long a missing container
  // or a silent host can keep the request waiting.
  const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
  const stream = (await getStreamClient(host)
    .getContainer(inspected.Id)
    .stats({ stream: true, abortSignal: options.signal } as { stream: true })) as unknown as EngineStream;
  return {
    pipe(onStats) {
      let buffered = "";
      return pipeEngineStream(stream, options.signal, {
        onChunk: (chunk) => {
          // One JSON document per line; a chunk may end in the middle of one.
          buffered += chunk.toString("utf8");
          let newline = buffered.indexOf("\n");
          while (newline >= 0) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) onStats(JSON.parse(line) as EngineStats);
            newline = buffered.indexOf("\n");
          }
        },
        onEnd: () => {
          if (buffered.trim()) onStats(JSON.parse(buffered) as EngineStats);
        },
      });
    },
  };
}
