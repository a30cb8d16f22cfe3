"use client";
import { useEffect, useState } from "react";

/**
 * A clock for "up 3 min" labels. It only re-renders relative times; it never fetches, so live data still
 * comes from the server and not from this timer.
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
