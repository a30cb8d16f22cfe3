/** A digest short enough for a table cell: the first 12 hex digits, as `docker images` shows image ids. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, "").slice(0, 12);
}

/**
 * An image reference short enough for a table cell that keeps what tells two apart, its name and tag:
 * "127.0.0.1:5000/team/shop:2" → "…/shop:2". A plain "shop:2" stays as it is.
 */
export function shortReference(ref: string): string {
  const slash = ref.lastIndexOf("/", ref.includes("@") ? ref.indexOf("@") : ref.length);
  return slash === -1 ? ref : `…/${ref.slice(slash + 1)}`;
}

/** How long an action took: "850 ms", "4.2 s", "2 min 5 s" — seconds matter here, unlike an age. */
export function formatActionDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// Kept here too for the history's own modules: the one format of every moment Wharf shows.
export { formatUtc } from "@/lib/core/format-utc";

/** How long after the start of an action one of its steps began: "+0 ms", "+4.2 s". */
export function formatOffset(startIso: string, iso: string): string {
  return `+${formatActionDuration(Math.max(0, Date.parse(iso) - Date.parse(startIso)))}`;
}
