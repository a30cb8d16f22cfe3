"use client";
import { useSyncExternalStore } from "react";

// One interval for the whole page, running only while some label shows a time: a row's "up 9 s" ticks
// without each row keeping a timer of its own, and nothing else re-renders.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The current time, once a second. It only re-renders labels; it never fetches. The server renders with its
 * own clock (a page's first rows are in its HTML); hydration then differs by the time in between, which the
 * labels allow (suppressHydrationWarning), and React renders them again with the browser's clock.
 */
export function useTick(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => (typeof window === "undefined" ? Date.now() : now),
  );
}
