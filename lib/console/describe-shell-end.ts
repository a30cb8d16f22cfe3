import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { stoppedWithin, type Shell } from "@/lib/docker/open-shell";
import type { ConsoleGrant } from "./tickets";
import type { ConsoleEndReason } from "./types";

// How long a shell killed by a signal waits for its container to be marked stopped before it counts as killed.
const STOPPING_MS = 5_000;

/**
 * Why the exec's stream ended: the container stopped (its processes die with it), the program could not be
 * started (the engine writes its error into the terminal and the exec exits 126 or 127), or it exited.
 */
export async function describeShellEnd(
  host: Host,
  grant: ConsoleGrant,
  shell: Shell,
  head: string,
): Promise<{ reason: ConsoleEndReason; message: string }> {
  const program = grant.command[0] ?? "the command";
  const state = await shell.inspect().catch(() => null);
  const exitCode = state?.exitCode ?? null;
  const killed = exitCode === null || exitCode >= 128;
  if (killed && (await stoppedWithin(host, grant.containerId, STOPPING_MS))) {
    return {
      reason: "container stopped",
      message: `The container ${grant.containerName} stopped: the console has ended`,
    };
  }
  if ((exitCode === 126 || exitCode === 127) && isStartFailure(head)) {
    return {
      reason: "no shell",
      message: `${grant.containerName} cannot run ${program}: the container has no such program (a console needs a shell in the image; choose another command)`,
    };
  }
  return {
    reason: "exited",
    message: `${program} exited${exitCode === null ? "" : ` with code ${exitCode}`}`,
  };
}

/** The engine's own words when it could not start the program, before the program printed anything. */
export function isStartFailure(head: string): boolean {
  return /^\s*(OCI runtime exec failed|exec failed|.*executable file not found)/i.test(head);
}
