import { inject } from "vitest";
import { authHeaders } from "./api";

export type SseMessage<T = unknown> = { id: string | null; event: string; data: T };

/** Who reads: an API token (the suite's admin token by default), or a browser's session cookie (`name=value`). */
export type SseCredentials = { token?: string; cookie?: string };
type Options = SseCredentials & { url?: string; lastEventId?: string };

/**
 * A server-sent events client over fetch, reading any of Wharf's streams the way a browser's EventSource does
 * (including Last-Event-ID), so a test can wait for the messages it expects.
 */
export async function openSse(pathname: string, options: Options = {}) {
  const controller = new AbortController();
  const response = await fetch(`${options.url ?? inject("wharfUrl")}${pathname}`, {
    headers: {
      accept: "text/event-stream",
      ...(options.cookie ? { cookie: options.cookie } : authHeaders(options.token ?? inject("wharfToken"))),
      ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}),
    },
    signal: controller.signal,
  });
  if (!response.ok || !response.body)
    throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
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

  /** Waits (woken by each new message, bounded by a deadline) until `check` holds. */
  const until = async (
    check: (received: SseMessage[]) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!check(received)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(received).slice(0, 2000)}`,
        );
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, Math.min(left, 250));
      });
    }
  };

  return {
    response,
    received,
    /** True once the server has closed the stream. */
    get ended() {
      return ended;
    },
    until,
    /** The first message that matches, waiting for it if need be. */
    async next<T = unknown>(
      match: (message: SseMessage) => boolean,
      what: string,
      timeoutMs = 20_000,
    ): Promise<SseMessage<T>> {
      await until((all) => all.some(match), what, timeoutMs);
      return received.find(match) as SseMessage<T>;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

/** The fleet's stream, GET /api/events. */
export function openEvents(options: Options = {}) {
  return openSse("/api/events", options);
}

function parseBlock(block: string): SseMessage | null {
  let id: string | null = null;
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length === 0 ? null : { id, event, data: JSON.parse(data.join("\n")) };
}
