import "server-only";
import type { Host } from "./host-config";
import { getStreamClient } from "./get-client";

/** A container event as the engine sends it (GET /events, API 1.41). */
export type EngineEvent = {
  Type: string;
  Action: string;
  id?: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
  timeNano: number;
};

/**
 * Follows the engine's container events until the stream ends, fails or `signal` aborts. With `sinceSeconds`
 * the engine first replays what it still holds from that second on, which is how a reconnect catches up.
 * Resolves `onOpen` once the engine has accepted the subscription, so callers can read state knowing that
 * every change from then on will arrive as an event.
 */
export async function streamEvents(
  host: Host,
  options: {
    sinceSeconds?: number;
    /** With an end, the engine sends what it holds up to that second and closes: the stream ending is then success. */
    untilSeconds?: number;
    signal: AbortSignal;
    onOpen: () => void;
    onEvent: (event: EngineEvent) => void;
    /** Event types to follow; containers unless told (a swarm manager's `service` and `node` events). */
    types?: string[];
    /** Only these actions (`kill`, `start`…); every action unless told. */
    actions?: string[];
  },
): Promise<void> {
  const client = getStreamClient(host);
  const stream = (await client.getEvents({
    filters: JSON.stringify({
      type: options.types ?? ["container"],
      ...(options.actions ? { event: options.actions } : {}),
    }),
    ...(options.sinceSeconds !== undefined ? { since: options.sinceSeconds } : {}),
    ...(options.untilSeconds !== undefined ? { until: options.untilSeconds } : {}),
    abortSignal: options.signal,
  } as object)) as NodeJS.ReadableStream & { destroy?: (error?: Error) => void };
  options.onOpen();
  await new Promise<void>((resolve, reject) => {
    let buffered = "";
    const onAbort = () => {
      stream.destroy?.();
      resolve();
    };
    options.signal.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) options.onEvent(JSON.parse(line) as EngineEvent);
        newline = buffered.indexOf("\n");
      }
    });
    stream.on("end", () => {
      options.signal.removeEventListener("abort", onAbort);
      if (options.untilSeconds !== undefined) resolve();
      else reject(new Error("event stream ended"));
    });
    stream.on("error", (error: Error) => {
      options.signal.removeEventListener("abort", onAbort);
      reject(error);
    });
  });
}
