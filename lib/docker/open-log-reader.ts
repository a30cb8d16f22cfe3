import "server-only";
import type { LogEntry } from "@/lib/logs/types";
import { getClient } from "./get-client";
import type { Host } from "./host-config";
import { inspectContainer } from "./inspect-container";
import { createLogDemuxer } from "./log-demuxer";
import { withDeadline } from "./with-deadline";

export type LogReader = {
  /** The log read at once (not followed), with timestamps: its last `tail` lines, or all up to `until`. */
  read(options: { tail?: number; until?: string }): Promise<LogEntry[]>;
};

/**
 * Finds a container (a missing one fails here, within the host's timeout) and returns a reader of its log, which
 * knows whether the log is framed or a TTY's.
 */
export async function openLogReader(host: Host, nameOrId: string): Promise<LogReader> {
  const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
  const tty = inspected.Config.Tty === true;
  return {
    async read(options) {
      const raw = (await getClient(host)
        .getContainer(inspected.Id)
        .logs({
          stdout: true,
          stderr: true,
          timestamps: true,
          follow: false,
          ...options,
        })) as unknown as Buffer;
      const demuxer = createLogDemuxer({ tty, timestamps: true });
      return [...demuxer.push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))), ...demuxer.end()];
    },
  };
}
