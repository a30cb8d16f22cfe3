"use client";
import { createContext, useContext } from "react";
import type { LiveStatus } from "./use-fleet-events";

/** The page's one event stream's state (components/fleet/live-status.tsx provides it). */
export const LiveStatusContext = createContext<LiveStatus>("connecting");

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/**
 * Whether a list the stream's snapshot also carries should be fetched on its own: only when the stream is not
 * delivering. While it connects, the snapshot is the first paint's one data source (the rows are not sent twice).
 */
export function useFetchBesideStream(): boolean {
  const status = useLiveStatus();
  return status === "reconnecting" || status === "ended";
}
