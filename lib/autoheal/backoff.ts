import { MAX_TRIES, TRY_WINDOW_MS } from "./types";

export type NextTry = { giveUp: false; at: number; try: number } | { giveUp: true; tries: number };

/** The tries still inside the window at `now`: older ones no longer count against the limit. */
export function triesInWindow(tries: readonly number[], now: number): number[] {
  return tries.filter((at) => now - at < TRY_WINDOW_MS);
}

/**
 * When to try next for a container that has just (again) been seen failing at `now`: after the grace period,
 * doubled for every try already made in the last 30 minutes (10 s, 20 s, 40 s, 80 s, 160 s by default); after
 * five tries in the window, none — auto-heal gives up rather than fight a container that will not hold.
 */
export function nextTry(tries: readonly number[], now: number, graceMs: number): NextTry {
  const recent = triesInWindow(tries, now);
  if (recent.length >= MAX_TRIES) return { giveUp: true, tries: recent.length };
  return { giveUp: false, at: now + graceMs * 2 ** recent.length, try: recent.length + 1 };
}
