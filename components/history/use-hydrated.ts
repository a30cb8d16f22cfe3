"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * false while React hydrates the server's HTML, true from then on. The event stream can fill the query cache
 * (the hosts) before a slow-streamed part of the page hydrates; rendering that data at once would not match
 * the HTML the server rendered without it, and React would throw the part away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
