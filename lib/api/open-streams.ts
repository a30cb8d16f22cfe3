import "server-only";

export const streamKinds = ["events", "logs", "stats"] as const;
export type StreamKind = (typeof streamKinds)[number];

// One count per process: Next evaluates this module once per route bundle, and /metrics reads all of them.
const KEY = Symbol.for("wharf.open-streams");

function counts(): Record<StreamKind, number> {
  const holder = globalThis as { [KEY]?: Record<StreamKind, number> };
  return (holder[KEY] ??= { events: 0, logs: 0, stats: 0 });
}

/** Counts a stream as open until the returned function is called (once; later calls change nothing). */
export function countOpenStream(kind: StreamKind): () => void {
  counts()[kind] += 1;
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    counts()[kind] -= 1;
  };
}

export function openStreams(): Record<StreamKind, number> {
  return { ...counts() };
}
