/**
 * Waits between tries of one message: 6 tries over about 10 minutes. A receiver down for a deploy or a
 * restart gets the message when it is back; one down for longer has it marked failed, visible in /settings.
 */
export const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 180_000, 360_000] as const;

/** After try number `tries` (1 for the first) failed: how long until the next, or null to give up. */
export function nextTryDelay(tries: number, delays: readonly number[] = RETRY_DELAYS_MS): number | null {
  return delays[tries - 1] ?? null;
}
