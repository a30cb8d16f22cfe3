import "server-only";
import type { AccessEndEvent } from "@/lib/auth/types";
import { watchPrincipal, type StreamCaller } from "@/lib/auth/watch-principal";
import { onShutdown } from "@/lib/core/on-shutdown";
import { countOpenStream, type StreamKind } from "./open-streams";

// Proxies and browsers drop connections that stay silent; a comment line every 15 s keeps a quiet stream open.
const HEARTBEAT_MS = 15_000;
// What may wait in this process for a client that reads slowly before it counts as having fallen behind.
const BACKLOG_BYTES = 1024 * 1024;

export type SseChannel = {
  send(event: string, data: unknown): void;
  /**
   * Writes text already in the event-stream format. Bytes (a message serialised and encoded once for many
   * clients) are queued as they are, shared by every stream rather than copied into each.
   */
  write(wire: string | Uint8Array): void;
  /** False once the client has over a megabyte unread: a producer that can afford to drop data should. */
  keepingUp(): boolean;
  /** Bytes written and not yet read by the client. */
  backlogBytes(): number;
};

/**
 * A server-sent event stream fed by `produce` until it returns. `engine` is aborted when the client goes
 * away (request abort or stream cancel) and when `produce` is done, so whatever it opened is closed in every
 * case; the stream then ends. It also ends, with an `end` event saying why, once `caller` may no longer read
 * it (a revoked token, a signed-out session…): access is checked when a stream opens, and a stream can stay
 * open for days. It ends when the server is told to stop. `kind` names it in /metrics (open streams by kind).
 */
export function sseResponse(
  request: Request,
  caller: StreamCaller,
  engine: AbortController,
  produce: (channel: SseChannel) => Promise<void>,
  options: { kind: StreamKind; retryMs?: number },
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const write = (wire: string | Uint8Array) => {
          if (!open) return;
          try {
            controller.enqueue(typeof wire === "string" ? encoder.encode(wire) : wire);
          } catch {
            finish();
          }
        };
        const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
        let stopWatching = () => {};
        let stopWaitingForShutdown = () => {};
        const uncount = countOpenStream(options.kind);
        const finish = () => {
          if (!open) return;
          open = false;
          uncount();
          clearInterval(heartbeat);
          stopWatching();
          stopWaitingForShutdown();
          engine.abort();
          try {
            controller.close();
          } catch {}
        };
        if (request.signal.aborted) return finish();
        request.signal.addEventListener("abort", finish, { once: true });
        engine.signal.addEventListener("abort", finish, { once: true });
        // Ended without an `end` event: the client reconnects (to another replica, behind a load balancer).
        stopWaitingForShutdown = onShutdown(finish);
        if (options.retryMs) write(`retry: ${options.retryMs}\n\n`);
        const channel: SseChannel = {
          send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
          write,
          keepingUp: () => (controller.desiredSize ?? 0) > 0,
          backlogBytes: () => BACKLOG_BYTES - (controller.desiredSize ?? BACKLOG_BYTES),
        };
        stopWatching = watchPrincipal(caller, (reason) => {
          channel.send("end", { reason } satisfies AccessEndEvent);
          finish();
        });
        produce(channel).then(finish, (error: unknown) => {
          console.error("[wharf] event stream failed", error);
          finish();
        });
      },
      cancel() {
        engine.abort();
      },
    },
    { highWaterMark: BACKLOG_BYTES, size: (chunk) => chunk.byteLength },
  );

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
