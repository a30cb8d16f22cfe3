/** A duration as a manager reads it: "45 s", "12 min", "3.5 h", "2.1 d"; "—" when there is none. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${round(s / 60)} min`;
  if (s < 86_400) return `${round(s / 3600)} h`;
  return `${round(s / 86_400)} d`;
}

/** A rate as a percentage with at most one decimal: "33.3 %"; "—" when there were no deploys. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${round(rate * 100)} %`;
}

/** A count per day or week with at most one decimal. */
export function formatCount(value: number): string {
  return String(round(value));
}

// One decimal below 10, none above: "3.5 h" but "42 min".
function round(value: number): number {
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
