import type { ContainerRow } from "./types";

type ExitInput = Pick<
  ContainerRow,
  "state" | "exitCode" | "oomKilled" | "exitCause" | "lastExit" | "attention"
>;

/**
 * Why a container is not running, in words: the exit code, what it means (a crash, an OOM kill, a `docker
 * stop`), and what the code says by convention. null while it runs (outside a restart loop).
 */
export function describeExit(row: ExitInput): string | null {
  const looping = row.attention === "restart-loop";
  if (!looping && row.state !== "exited" && row.state !== "dead") return null;
  const code = looping ? (row.lastExit?.code ?? row.exitCode) : row.exitCode;
  const oom = looping ? (row.lastExit?.oom ?? false) : row.oomKilled;
  const cause = looping ? (row.lastExit?.cause ?? null) : row.exitCause;
  if (oom || cause === "oom") return `Killed by the kernel: out of memory (exit code ${code})`;
  if (cause === "stopped") return `Stopped on purpose (docker stop), exit code ${code}`;
  if (cause === "killed") return `Killed on purpose (docker kill), exit code ${code}`;
  if (code === 0) return "Exited cleanly (exit code 0)";
  const meaning = signalMeaning(code);
  return `${cause === "crash" ? "Crashed" : "Exited"} with exit code ${code}${meaning ? ` (${meaning})` : ""}`;
}

/** What an exit code says by shell convention: 128+n is death by signal n. */
function signalMeaning(code: number): string | null {
  const signals: Record<number, string> = {
    1: "SIGHUP",
    2: "SIGINT",
    6: "SIGABRT",
    9: "SIGKILL",
    11: "SIGSEGV",
    15: "SIGTERM",
  };
  if (code > 128 && code < 160) return `signal ${signals[code - 128] ?? code - 128}`;
  if (code === 126) return "command not executable";
  if (code === 127) return "command not found";
  return null;
}
