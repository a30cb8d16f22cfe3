/**
 * An instant as "2026-12-01 10:00:03 UTC": absolute, zone named, the same on every screen (and in the server's
 * first render, so hydration never disagrees), sortable, and never in a regional day/month order. Every moment
 * Wharf shows is written this way (components/ui/moment.tsx), with how long ago as its hint.
 */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The time of day of an instant in UTC, "10:00:03.456": for log lines, whose dates would only repeat. */
export function formatUtcClock(iso: string, withMs = false): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  return new Date(ms).toISOString().slice(11, withMs ? 23 : 19);
}
