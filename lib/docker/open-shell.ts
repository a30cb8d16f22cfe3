import "server-only";
import type { Duplex } from "node:stream";
import { getStreamClient } from "./get-client";
import type { Host } from "./host-config";

export type TerminalSize = { cols: number; rows: number };

/** A process started by `docker exec` with a TTY, its terminal attached both ways. */
export type Shell = {
  /** The terminal: write keystrokes in, read what the process prints (raw bytes: a TTY is not multiplexed). */
  stream: Duplex;
  resize(size: TerminalSize): Promise<void>;
  /** After the stream ended: whether the process still runs and its exit code (null while it runs). */
  inspect(): Promise<{ running: boolean; exitCode: number | null }>;
};

/**
 * Starts `command` in a running container with a TTY and attaches to it over a hijacked connection (the engine
 * upgrades the HTTP request to a raw stream). The stream client has no idle timeout: a console may sit silent
 * for minutes. Over SSH the hijacked connection is the `docker system dial-stdio` channel itself.
 */
export async function openShell(
  host: Host,
  containerId: string,
  command: string[],
  size: TerminalSize,
): Promise<Shell> {
  const container = getStreamClient(host).getContainer(containerId);
  const exec = await container.exec({
    Cmd: command,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    // Programs that read TERM (vi, top, less) need one; the engine sets none for an exec.
    Env: ["TERM=xterm-256color"],
    // API 1.42 reads ConsoleSize; older engines ignore it, and the first resize below settles it anyway.
    ConsoleSize: [size.rows, size.cols],
  } as Parameters<typeof container.exec>[0]);
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
  const shell: Shell = {
    stream,
    resize: async ({ cols, rows }) => {
      await exec.resize({ h: rows, w: cols });
    },
    inspect: async () => {
      const state = (await exec.inspect()) as { Running: boolean; ExitCode: number | null };
      return { running: state.Running, exitCode: state.ExitCode };
    },
  };
  // The engine refuses a resize until the process runs, and an exec that failed to start has none: later
  // resizes carry on, this first one may fail harmlessly.
  await shell.resize(size).catch(() => {});
  return shell;
}

/**
 * Resolves true once the container is no longer running, false if it still runs after `ms`. A console whose shell
 * died with a signal asks this: the engine kills an exec's process as its container stops, and the exec's stream
 * can end before the engine marks the container exited.
 */
export async function stoppedWithin(host: Host, containerId: string, ms: number): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    await getStreamClient(host)
      .getContainer(containerId)
      .wait({ condition: "not-running", abortSignal: controller.signal } as { condition: "not-running" });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
