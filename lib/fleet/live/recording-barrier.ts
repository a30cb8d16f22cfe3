import "server-only";

const KEY = Symbol.for("wharf.recording-barrier");
type Holder = { [KEY]?: Set<Promise<unknown>> };

function pending(): Set<Promise<unknown>> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Set());
}

/**
 * The event cursor says where the recorder got to: the next recorder (after a kill -9, a failover) reads the
 * engines' events from there. Saved past an event whose incident or history row was still being written, it
 * would make a crash in that window nobody's: the dead recorder never wrote it, the next one never reads it. So
 * what a recorder does for an event is held here from the moment the event arrives, and a save waits for it
 * (`recordingSettled`). On globalThis: the watchers and the recorders may sit in different Next bundles.
 */
export function holdCursor(work: Promise<unknown>): void {
  const held = work.then(
    () => undefined,
    () => undefined,
  );
  pending().add(held);
  void held.then(() => pending().delete(held));
}

/**
 * Resolves true once every piece of work held before this call is done, or false after `limitMs` (a write that
 * hangs must not stop the cursor for good: the caller keeps the cursor where it was and asks again later).
 */
export async function recordingSettled(limitMs: number): Promise<boolean> {
  const now = [...pending()];
  if (now.length === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), limitMs);
    timer.unref();
  });
  const settled = await Promise.race([Promise.all(now).then(() => true as const), limit]);
  clearTimeout(timer);
  return settled;
}
