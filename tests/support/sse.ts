import { inject } from "vitest";

export type SseEvent = { id: string | null; event: string; data: unknown };

/**
 * A minimal server-sent events client over fetch, so a test can read /api/events the way a browser does and
 * wait for the message it expects.
 */
export async function openEvents(options: { url?: string; token?: string; lastEventId?: string } = {}) {
  const controller = new AbortController();
  const response = await fetch(`${options.url ?? inject("wharfUrl")}/api/events`, {
    headers: {
      accept: "text/event-stream",
      authorization: `Bearer ${options.token ?? inject("wharfToken")}`,
      ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}) },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`GET /api/events answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const received: SseEvent[] = [];
  let buffer = "";
  let waiters: (() => void)[] = [];
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = parseBlock(block);
        if (event) received.push(event);
        boundary = buffer.indexOf("\n\n");
      }
      const wake = waiters;
      waiters = [];
      wake.forEach((resolve) => resolve());
    }
  })();

  return {
    received,
    /** Waits for the first message (from `from` on) that matches, or fails after `timeoutMs`. */
    async next<T = unknown>(match: (event: SseEvent) => boolean, what: string, timeoutMs = 20_000, from = 0): Promise<SseEvent & { data: T }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.slice(from).find(match);
        if (found) return found as SseEvent & { data: T };
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No server-sent event for ${what} within ${timeoutMs} ms; got ${received.map((e) => e.event).join(", ")}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 500));
        });
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

function parseBlock(block: string): SseEvent | null {
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
  if (data.length === 0) return null;
  return { id, event, data: JSON.parse(data.join("\n")) };
}
