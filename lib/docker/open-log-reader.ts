import "server-only";
import { getStreamClient } from "./get-client";
import type { Host } from "./host-config";
import { inspectContainer } from "./inspect-container";
import { createLogDemuxer } from "./log-demuxer";
import { pipeEngineStream, type EngineStream } from "./pipe-engine-stream";
import type { LogEntry } from "./types";
import { withDeadline } from "./with-deadline";

/** How a scan ended: the engine sent all it had, `onLines` asked to stop, or `maxBytes` were read. */
export type ScanEnd = { ended: "end" | "stopped" | "cap"; bytes: number };

export type LogReader = {
  /** When the container was created (ms): no log line is older. */
  createdAt: number;
  /**
   * Streams the log (not followed, with timestamps) through `onLines`, chunk by chunk, never holding more than a
   * chunk: its last `tail` lines, or the lines from `since` to `until` (engine seconds, both inclusive). Stops at
   * once when `onLines` answers "stop" or `maxBytes` have come; aborting `signal` ends it too.
   */
  scan(
    options: { tail?: number; since?: string; until?: string },
    maxBytes: number,
    signal: AbortSignal,
    onLines: (lines: LogEntry[]) => "stop" | void,
  ): Promise<ScanEnd>;
};

type Modem = {
  dial: (options: Record<string, unknown>, callback: (error: Error | null, data: unknown) => void) => void;
};

/**
 * Finds a container (a missing one fails here, within the host's timeout) and returns a reader of its log, which
 * knows whether the log is framed or a TTY's.
 */
export async function openLogReader(host: Host, nameOrId: string): Promise<LogReader> {
  const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
  const tty = inspected.Config.Tty === true;
  const modem = (getStreamClient(host) as unknown as { modem: Modem }).modem;
  return {
    createdAt: Date.parse(inspected.Created),
    async scan(options, maxBytes, signal, onLines) {
      // dockerode buffers a log read unless it follows; the modem streams it as asked.
      const scanning = new AbortController();
      const stop = () => scanning.abort();
      signal.addEventListener("abort", stop, { once: true });
      try {
        const stream = await new Promise<EngineStream>((resolve, reject) =>
          modem.dial(
            {
              path: `/containers/${inspected.Id}/logs?`,
              method: "GET",
              isStream: true,
              abortSignal: scanning.signal,
              statusCodes: { 200: true, 404: "no such container", 500: "server error" },
              options: { stdout: true, stderr: true, timestamps: true, follow: false, ...options },
            },
            (error, data) => (error ? reject(error) : resolve(data as EngineStream)),
          ),
        );
        const demuxer = createLogDemuxer({ tty, timestamps: true });
        let bytes = 0;
        let ended: ScanEnd["ended"] = "end";
        const hand = (lines: LogEntry[]) => {
          if (lines.length > 0 && onLines(lines) === "stop") {
            ended = "stopped";
            scanning.abort();
          }
        };
        await pipeEngineStream(stream, scanning.signal, {
          onChunk: (chunk) => {
            bytes += chunk.length;
            hand(demuxer.push(chunk));
            if (ended === "end" && bytes >= maxBytes) {
              ended = "cap";
              scanning.abort();
            }
          },
          onEnd: () => hand(demuxer.end()),
        });
        if (signal.aborted) throw signal.reason;
        return { ended, bytes };
      } finally {
        signal.removeEventListener("abort", stop);
      }
    },
  };
}
