"use client";
import { isLoginPath } from "@/lib/auth/login-redirect";

const URL = "/api/events";
const TYPES = ["snapshot", "container", "host", "incident", "action", "service", "end"];

type Early = { source: EventSource; events: Event[]; keep: (event: Event) => void };
const KEPT = [...TYPES, "open", "error"];

// The fleet stream's snapshot is the first paint's one data source, and at thousands of containers it takes a
// while to arrive: opened as soon as this module runs (before React hydrates the page) rather than in an effect
// after it. Whatever arrives before the page's hook takes the stream over is kept and handed to it in order.
let early: Early | null = typeof window === "undefined" ? null : open();

function open(): Early | null {
  if (isLoginPath(window.location.pathname) || typeof EventSource === "undefined") return null;
  const source = new EventSource(URL);
  const events: Event[] = [];
  const keep = (event: Event) => events.push(event);
  for (const type of KEPT) source.addEventListener(type, keep);
  return { source, events, keep };
}

/**
 * The stream opened at load, once: `replay` (to be called after the caller's listeners are on) dispatches again
 * what it received so far. Null when there is none (already taken, or the page was the sign-in page).
 */
export function takeEarlyEventSource(): { source: EventSource; replay: () => void } | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  return {
    source: taken.source,
    replay: () => {
      for (const type of KEPT) taken.source.removeEventListener(type, taken.keep);
      for (const event of taken.events.splice(0))
        taken.source.dispatchEvent(
          event instanceof MessageEvent
            ? new MessageEvent(event.type, { data: event.data, lastEventId: event.lastEventId })
            : new Event(event.type),
        );
    },
  };
}
