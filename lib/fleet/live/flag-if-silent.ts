import "server-only";

/**
 * Calls `onSilent` if `work` has not settled after `ms`, and returns `work` unchanged. The check runs after
 * the event loop's next I/O pass, so an answer that arrived while the process was busy (a start reading
 * twenty hosts at once) counts as an answer, not as silence.
 */
export function flagIfSilent<T>(work: Promise<T>, ms: number, onSilent: () => void): Promise<T> {
  let settled = false;
  const timer = setTimeout(() => setImmediate(() => settled || onSilent()), ms);
  return work.finally(() => {
    settled = true;
    clearTimeout(timer);
  });
}
