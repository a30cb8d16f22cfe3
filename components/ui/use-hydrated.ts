"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * false while React hydrates the server's HTML, true from then on. The event stream can fill the query cache
 * before a part of the page hydrates: React hydrates each Suspense boundary after the page's shell, and on a
 * busy machine well after the page's load event. Rendering that data at once would not match the HTML the
 * server rendered without it, and React would throw the part away (error 418) and render it again.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A fleet query as the server rendered it: the server has no fleet data (the stream brings it to the
 * browser), so a component shows this instead of the query's result until it has hydrated.
 */
export const pendingOnServer = { data: undefined, error: null, isPending: true, isFetching: false } as const;
