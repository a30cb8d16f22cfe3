import "server-only";
import { sseResponse } from "@/lib/api/sse-response";
import type { StreamCaller } from "@/lib/auth/watch-principal";
import { WharfError } from "@/lib/core/errors";
import { followLogs } from "@/lib/docker/follow-logs";
import { toWharfError } from "@/lib/docker/engine-error";
import { findHost } from "@/lib/docker/load-fleet";
import { FULL_VIEW, visibleRows, type Visibility } from "@/lib/fleet/fleet-targets";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import type { ProjectLogsQuery, ProjectParams } from "./schemas";
import type { ProjectContainersEvent, ProjectLinesEvent, ProjectLogEntry } from "./types";

const BATCH_MS = 50;
const BATCH_LINES = 1_000;
// Each container is one engine stream held open: a project larger than this is cut, and says so.
const MAX_CONTAINERS = 24;

/**
 * GET /api/projects/{project}/logs: the merged log of a compose project — the last `tail` lines of each of its
 * containers on every host, then new ones — as server-sent events. Lines carry their container; the browser
 * orders them by time. A container whose log cannot be opened is named in a `failed` event; the rest go on.
 */
export async function openProjectLogStream(
  request: Request,
  caller: StreamCaller,
  params: ProjectParams,
  query: ProjectLogsQuery,
  view: Visibility = FULL_VIEW,
): Promise<Response> {
  const { store } = getLiveFleet();
  await store.ready();
  // A scoped caller's project is the part of it they see: none of it reads as no such project.
  const members = store
    .hostIds()
    .flatMap((hostId) =>
      visibleRows(
        store.rows(hostId).filter((row) => row.compose?.project === params.project),
        view,
      ),
    )
    .sort((a, b) => a.hostId.localeCompare(b.hostId) || a.name.localeCompare(b.name));
  if (members.length === 0)
    throw new WharfError("NOT_FOUND", `No container belongs to compose project "${params.project}"`);
  const shown = members.slice(0, MAX_CONTAINERS);
  const engine = new AbortController();
  request.signal.addEventListener("abort", () => engine.abort(), { once: true });

  return sseResponse(
    request,
    caller,
    engine,
    async (channel) => {
      channel.send("containers", {
        containers: shown.map((row) => ({ hostId: row.hostId, name: row.name, state: row.state })),
      } satisfies ProjectContainersEvent);
      if (members.length > shown.length)
        channel.send("notice", { message: `Showing ${shown.length} of ${members.length} containers` });
      let batch: ProjectLogEntry[] = [];
      let timer: NodeJS.Timeout | undefined;
      const flush = () => {
        clearTimeout(timer);
        timer = undefined;
        // A client that stopped reading gets newer lines later rather than a backlog in this process.
        if (batch.length > 0 && channel.keepingUp())
          channel.send("lines", { lines: batch } satisfies ProjectLinesEvent);
        batch = [];
      };
      await Promise.all(
        shown.map(async (row) => {
          const host = findHost(row.hostId);
          try {
            const follow = await followLogs(host, row.id, { tail: query.tail, signal: engine.signal });
            await follow.pipe((lines) => {
              for (const line of lines) batch.push({ ...line, hostId: row.hostId, container: row.name });
              if (batch.length >= BATCH_LINES) flush();
              else timer ??= setTimeout(flush, BATCH_MS);
            });
          } catch (error) {
            if (engine.signal.aborted) return;
            const message = toWharfError(error, host, row.name).message;
            channel.send("failed", { hostId: row.hostId, name: row.name, message });
          }
        }),
      );
      flush();
      if (!engine.signal.aborted) channel.send("end", { reason: "stopped" });
    },
    { kind: "logs", retryMs: 2_000 },
  );
}
