import "server-only";
import { demuxLog, type LogLine } from "./demux-log";
import type { Host } from "./host-config";
import { getClient } from "./get-client";

/** The last `lines` log lines of a container, stdout and stderr told apart. */
export async function readLogTail(host: Host, containerId: string, lines: number): Promise<LogLine[]> {
  const raw = (await getClient(host).getContainer(containerId).logs({
    stdout: true,
    stderr: true,
    tail: lines,
    follow: false,
  })) as unknown as Buffer;
  return demuxLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))).slice(-lines);
}
