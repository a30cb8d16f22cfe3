import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Principal } from "@/lib/auth/types";
import type { Target } from "@/lib/core/access-rule";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import type { OpenConsoleBody } from "./schemas";
import { issueTicket } from "./tickets";
import type { ConsoleTicket } from "./types";

/**
 * POST /api/containers/{hostId}/{nameOrId}/console: everything that can be refused is refused here, with a
 * status and a sentence (a console turned off, a container missing or not running), before a WebSocket exists
 * that could only close. The ticket answered is redeemed by the upgrade within 30 s, by the same caller.
 */
export async function mintConsoleTicket(
  hostId: string,
  nameOrId: string,
  body: OpenConsoleBody,
  principal: Principal,
  address: string,
  target?: Target,
): Promise<ConsoleTicket> {
  const host = findHost(hostId);
  if (host.console === false) {
    throw new WharfError("FORBIDDEN", `The console is turned off for host "${hostId}" (console: false)`);
  }
  const inspected = await withDeadline(
    (signal) => inspectContainer(host, nameOrId, signal),
    host.timeoutMs,
  ).catch((error) => {
    throw toWharfError(error, host, nameOrId);
  });
  const name = inspected.Name.replace(/^\//, "");
  if (!inspected.State.Running || inspected.State.Paused) {
    throw new WharfError(
      "CONFLICT",
      `Container "${name}" on host "${hostId}" is ${inspected.State.Paused ? "paused" : inspected.State.Status}: a console needs it running`,
    );
  }
  const { ticket, expiresAt } = issueTicket({
    principal,
    hostId,
    asked: nameOrId,
    containerId: inspected.Id,
    containerName: name,
    command: body.command,
    cols: body.cols,
    rows: body.rows,
    address,
    target,
  });
  const path = `/api/containers/${encodeURIComponent(hostId)}/${encodeURIComponent(nameOrId)}/console`;
  return { ticket, url: `${path}?ticket=${ticket}`, expiresAt: new Date(expiresAt).toISOString() };
}
