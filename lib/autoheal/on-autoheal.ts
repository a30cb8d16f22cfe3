import "server-only";
import type { AutohealEvent } from "./types";

type Listener = (event: AutohealEvent) => void;

// On globalThis: Next can load this module twice in one process, and a listener added through one copy must
// hear events emitted through the other.
const holder = globalThis as typeof globalThis & { __wharfAutohealListeners?: Set<Listener> };
const listeners = (holder.__wharfAutohealListeners ??= new Set());

/**
 * Subscribes to what auto-heal does (`autoheal.acted`, `autoheal.gave-up`): the hook alerts hang on. Returns
 * the unsubscribe function. A listener that throws is logged and cannot stop auto-heal or the other listeners.
 */
export function onAutoheal(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitAutoheal(event: AutohealEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error(`[wharf] an auto-heal listener failed on ${event.type}`, error);
    }
  }
}
