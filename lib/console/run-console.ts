import "server-only";
import type { WebSocket } from "ws";
import { authDatabase } from "@/lib/auth/auth-database";
import { recordAudit, type NewAuditEntry } from "@/lib/auth/db/record-audit";
import { watchPrincipal } from "@/lib/auth/watch-principal";
import { onShutdown } from "@/lib/core/on-shutdown";
import { toWharfError } from "@/lib/docker/engine-error";
import { findHost } from "@/lib/docker/load-fleet";
import { openShell, type Shell } from "@/lib/docker/open-shell";
import { consoleIdleMs } from "./console-config";
import { consoleControlSchema } from "./schemas";
import type { ConsoleGrant } from "./tickets";
import { describeShellEnd } from "./describe-shell-end";
import { consoleEnds, type ConsoleEnd, type ConsoleEndReason } from "./types";

// A shell printing faster than the browser reads is paused rather than queued in this process.
const HIGH_WATER_BYTES = 1024 * 1024;

/**
 * One console: the exec's terminal piped both ways over the WebSocket until the first of: the shell exits, the
 * container stops, the caller's access ends, no keystroke for WHARF_CONSOLE_IDLE_MINUTES, or the browser goes.
 * The last text frame says which, and the audit log gets a row when it opens and one, with how long it lasted,
 * when it closes. Keystrokes are never recorded.
 */
export function runConsole(ws: WebSocket, grant: ConsoleGrant): void {
  const host = findHost(grant.hostId);
  const target = `${grant.hostId}/${grant.containerName}`;
  const openedAt = Date.now();
  // The session runs on events, not awaits: its two audit rows are written in order, and a failed write is
  // logged rather than ending a console that works.
  let audits: Promise<unknown> = Promise.resolve();
  const audit = (entry: NewAuditEntry) => {
    audits = audits
      .then(async () => recordAudit(await authDatabase(), entry))
      .catch((error: unknown) =>
        console.error(`[wharf] the console's audit row for ${target} failed`, error),
      );
  };
  audit({
    actor: grant.principal.name,
    action: "console-opened",
    target,
    address: grant.address,
    detail: `command: ${grant.command.join(" ")}`,
  });

  let shell: Shell | undefined;
  let ended = false;
  let stopWaitingForShutdown = () => {};
  const pending: Buffer[] = [];
  const end = (reason: ConsoleEndReason | "closed", message: string) => {
    if (ended) return;
    ended = true;
    stopWatching();
    stopWaitingForShutdown();
    clearTimeout(idleTimer);
    shell?.stream.destroy();
    if (reason !== "closed" && ws.readyState === ws.OPEN) {
      ws.send(JSON.stringify({ type: "end", reason, message } satisfies ConsoleEnd));
      // A close reason is limited to 123 bytes; the text frame before it carries the whole sentence.
      ws.close(consoleEnds[reason], Buffer.from(message).subarray(0, 120).toString());
    }
    const seconds = Math.round((Date.now() - openedAt) / 1000);
    audit({
      actor: grant.principal.name,
      action: "console-closed",
      target,
      address: grant.address,
      detail: `lasted ${seconds} s; ${reason === "closed" ? "closed by the browser" : reason}`,
    });
  };

  const stopWatching = watchPrincipal(
    { principal: grant.principal, needs: "operator", target: grant.target },
    (lost) => end("access ended", `The console closed: access ended (${lost})`),
  );
  const idleMs = consoleIdleMs();
  let idleTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () => end("idle", `The console closed after ${formatMinutes(idleMs)} without input`),
      idleMs,
    );
  };
  touch();

  // Open, it would keep the server from exiting (lib/core/on-shutdown.ts).
  stopWaitingForShutdown = onShutdown(() =>
    end("server stopping", "The console closed: Wharf is stopping; open it again in a moment"),
  );
  ws.on("close", () => end("closed", "closed by the browser"));
  ws.on("error", () => end("closed", "connection lost"));
  ws.on("message", (data, isBinary) => {
    if (ended) return;
    touch();
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) {
      if (shell) shell.stream.write(bytes);
      else pending.push(bytes);
      return;
    }
    const control = parseControl(bytes.toString("utf8"));
    if (control) void shell?.resize(control).catch(() => {});
  });

  openShell(host, grant.containerId, grant.command, { cols: grant.cols, rows: grant.rows }).then(
    (opened) => {
      if (ended) return void opened.stream.destroy();
      shell = opened;
      for (const bytes of pending.splice(0)) opened.stream.write(bytes);
      let head = "";
      opened.stream.on("data", (chunk: Buffer) => {
        if (head.length < 300) head += chunk.toString("utf8");
        if (ws.readyState !== ws.OPEN) return;
        ws.send(chunk, { binary: true }, () => {
          if (opened.stream.isPaused() && ws.bufferedAmount < HIGH_WATER_BYTES / 2) opened.stream.resume();
        });
        if (ws.bufferedAmount > HIGH_WATER_BYTES) opened.stream.pause();
      });
      let settled = false;
      const settle = () => {
        if (settled || ended) return;
        settled = true;
        void describeShellEnd(host, grant, opened, head).then(({ reason, message }) => end(reason, message));
      };
      opened.stream.on("end", settle);
      opened.stream.on("close", settle);
      opened.stream.on("error", settle);
    },
    (error: unknown) =>
      end("failed", `Could not open a console: ${toWharfError(error, host, grant.containerName).message}`),
  );
}

function parseControl(text: string) {
  try {
    const parsed = consoleControlSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return minutes >= 1 && Number.isInteger(minutes)
    ? `${minutes} minute${minutes === 1 ? "" : "s"}`
    : `${Math.round(ms / 1000)} s`;
}
