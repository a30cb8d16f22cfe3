import "server-only";
import { getStreamClient } from "./get-client";
import type { Host } from "./host-config";
import { inspectContainer } from "./inspect-container";
import { createLogDemuxer } from "./log-demuxer";
import { pipeEngineStream, type EngineStream } from "./pipe-engine-stream";
import type { LogEntry } from "./types";
import { withDeadline } from "./with-deadline";

export type LogFollow = {
  /** Calls `onLines` with the lines of each chunk until the engine ends the stream (resolves) or fails (rejects). */
  pipe(onLines: (lines: LogEntry[]) => void): Promise<void>;
};

/**
 * Opens the engine's log stream of a container: its last `tail` lines, then every new one while it runs. The
 * engine ends the stream when the container stops, so a stopped container yields its last lines and ends.
 * Throws (before anything streams) when the container does not exist or the host does not answer. Aborting
 * `signal` destroys the engine connection.
 */
export async function followLogs(
  host: Host,
  nameOrId: string,
  options: { tail: number; signal: AbortSignal },
): Promise<LogFollow> {
  // Whether the container has a TTY decides how its log is framed; the inspect also turns a missing
  // container into a 404 within the host's timeout, before any stream is opened.
  const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
  const stream = (await getStreamClient(host)
    .getContainer(inspected.Id)
    .logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      tail: options.tail,
      abortSignal: options.signal,
    } as { follow: true })) as unknown as EngineStream;
  return {
    pipe(onLines) {
      const demuxer = createLogDemuxer({ tty: inspected.Config.Tty === true, timestamps: true });
      return pipeEngineStream(stream, options.signal, {
        onChunk: (chunk) => {
          const lines = demuxer.push(chunk);
          if (lines.length > 0) onLines(lines);
        },
        onEnd: () => {
          const lines = demuxer.end();
          if (lines.length > 0) onLines(lines);
        },
      });
    },
  };
}
