"use client";
import { notifyManager, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { FleetMessage, FleetSnapshot } from "@/lib/fleet/live/messages";
import type { AccessEndEvent } from "@/lib/auth/types";
import { applyMessages, applySnapshot } from "./apply-fleet-message";
import { takeEarlyEventSource } from "./early-event-source";
import { leaveAfterAccessEnd, reconnectsAfter } from "./end-of-access";
import { explainStreamFailure } from "./explain-stream-failure";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "ended";

/**
 * Subscribes once to the server's event stream and writes it into the query cache. The browser's EventSource
 * reconnects by itself and sends Last-Event-ID, so the server can resume where it left off; but not after an
 * `end` event, which the server sends when the caller lost access: that is final.
 */
export function useFleetEvents(): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let queue: FleetMessage[] = [];
    let scheduled = false;
    let cancelled = false;
    // The stream opens at once, so the snapshot (the first paint's one data source) travels while the page
    // loads, but what it brings is applied once the page has loaded, not in the middle of hydrating it. That does
    // not mean every Suspense boundary has hydrated (on a busy machine they hydrate later): the components the
    // server rendered without this data wait for their own hydration (components/ui/use-hydrated.ts), or React
    // would throw their server HTML away (error 418).
    let loaded = false;
    let held: (() => void)[] = [];
    const whenLoaded = (apply: () => void) => (loaded ? apply() : held.push(apply));
    const onLoad = () =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        loaded = true;
        for (const apply of held) apply();
        held = [];
      });
    // Messages arriving in one frame are applied together: a burst of 500 events is one render, not 500.
    // A hidden tab gets no animation frames, so it flushes on a timer instead of queueing all day.
    const flush = () => {
      scheduled = false;
      const batch = queue;
      queue = [];
      // One notification for the whole batch: rows, host counts and incidents change in one render, not three.
      notifyManager.batch(() => applyMessages(client, batch));
    };
    const enqueue = (message: FleetMessage) => {
      queue.push(message);
      if (scheduled) return;
      scheduled = true;
      if (document.hidden) setTimeout(flush, 500);
      else requestAnimationFrame(flush);
    };
    const connect = () => {
      const early = takeEarlyEventSource();
      source = early?.source ?? new EventSource("/api/events");
      source.addEventListener("snapshot", (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as FleetSnapshot;
        whenLoaded(() => {
          queue = [];
          applySnapshot(client, snapshot);
          setStatus("live");
        });
      });
      for (const type of ["container", "host", "incident", "action", "service"])
        source.addEventListener(type, (event) => {
          const message = JSON.parse((event as MessageEvent<string>).data) as FleetMessage;
          whenLoaded(() => enqueue(message));
        });
      source.addEventListener("end", (event) => {
        source?.close();
        const end = JSON.parse((event as MessageEvent<string>).data) as AccessEndEvent;
        // Grants changed: the fleet is read again, under the new ones, from a fresh snapshot.
        if (reconnectsAfter(end)) {
          whenLoaded(() => setStatus("reconnecting"));
          if (!cancelled) retry = setTimeout(connect, 0);
          return;
        }
        whenLoaded(() => {
          setStatus("ended");
          leaveAfterAccessEnd(end);
        });
      });
      source.onopen = () => whenLoaded(() => setStatus("live"));
      source.onerror = () => {
        whenLoaded(() => setStatus("reconnecting"));
        // EventSource retries by itself unless the server answered with an error; then it gives up for good.
        // Asking why sends a signed-out browser to sign in rather than knocking every 2 s with a dead session.
        if (source?.readyState === EventSource.CLOSED)
          void explainStreamFailure("/api/events").then(() => {
            if (!cancelled) retry = setTimeout(connect, 2_000);
          });
      };
      early?.replay();
    };
    connect();
    if (document.readyState === "complete") onLoad();
    else window.addEventListener("load", onLoad, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener("load", onLoad);
      clearTimeout(retry);
      source?.close();
    };
  }, [client]);

  return status;
}
