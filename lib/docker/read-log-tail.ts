import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import { demuxBuffer } from "./log-demuxer";
import type { LogEntry } from "./types";

/** The last `lines` log lines of a container, stdout and stderr told apart. */
export async function readLogTail(
  host: Host,
  containerId: string,
  lines: number,
  signal?: AbortSignal,
): Promise<LogEntry[]> {
  const raw = (await getClient(host)
    .getContainer(containerId)
    .logs({
      stdout: true,
      stderr: true,
      tail: lines,
      follow: false,
      abortSignal: signal,
    } as { follow: false })) as unknown as Buffer;
  return demuxBuffer(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))).slice(-lines);
}
