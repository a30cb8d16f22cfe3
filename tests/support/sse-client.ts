import { authHeaders } from "./api";
import { inject } from "vitest";

export type SseMessage<T = unknown> = { event: string; data: T };

/**
 * Reads any of Wharf's server-sent event streams over fetch, the way a browser's EventSource does, and waits for
 * the messages a test expects. (tests/support/sse.ts is the same for /api/events with Last-Event-ID.)
 */
export async function openSse(pathname: string) {
  const controller = new AbortController();
  const response = await fetch(`${inject("wharfUrl")}${pathname}`, { headers: { accept: "text/event-stream", ...authHeaders() }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const received: SseMessage[] = [];
  let ended = false;
  let buffer = "";
  let waiters: (() => void)[] = [];
  const wake = () => {
    const current = waiters;
    waiters = [];
    current.forEach((resolve) => resolve());
  };
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const message = parseBlock(buffer.slice(0, boundary));
        buffer = buffer.slice(boundary + 2);
        if (message) received.push(message);
        boundary = buffer.indexOf("\n\n");
      }
      wake();
    }
    ended = true;
    wake();
  })();

  return {
    response,
    received,
    /** True once the server has closed the stream. */
    get ended() {
      return ended;
    },
    /** Waits until `check` holds over what was received so far, or fails after `timeoutMs` naming `what`. */
    async until(check: (received: SseMessage[]) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!check(received)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(received).slice(0, 2000)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 250));
        });
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

function parseBlock(block: string): SseMessage | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length === 0 ? null : { event, data: JSON.parse(data.join("\n")) };
}
