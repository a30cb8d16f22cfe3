import type { ContainerRow } from "./types";

type ExitInput = Pick<ContainerRow, "exitCode" | "exitCause" | "lastExit" | "attention" | "state">;

/**
 * Whether the exit code a row shows is a crash, which alone earns red: a `docker stop` ending in 137 or 143 is
 * what someone asked for. When Wharf did not see the death (no cause), the server's verdict decides.
 */
export function isCrashExit(row: ExitInput): boolean {
  const looping = row.attention === "restart-loop";
  const cause = looping ? (row.lastExit?.cause ?? null) : row.exitCause;
  const code = looping ? (row.lastExit?.code ?? row.exitCode) : row.exitCode;
  if (code === 0) return false;
  if (cause === "crash" || cause === "oom") return true;
  if (cause !== null) return false;
  return row.attention !== null;
}
