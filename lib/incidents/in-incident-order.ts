import "server-only";

const KEY = Symbol.for("wharf.incident-order");
type Holder = { [KEY]?: Promise<unknown> };

/**
 * Runs `task` after every incident write asked for before it, one at a time. The tracker decides from what is open
 * (find, then open or count), so two events of one container must not interleave between their awaits; and
 * auto-heal's note on "the incident this change opened" must come after the tracker's write for that change,
 * as it did when both were synchronous. On globalThis: Next may evaluate this module once per bundle.
 */
export function inIncidentOrder<T>(task: () => Promise<T>): Promise<T> {
  const holder = globalThis as Holder;
  const run = (holder[KEY] ?? Promise.resolve()).then(task);
  holder[KEY] = run.catch(() => undefined);
  return run;
}
