const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** 1536 → "1.5 KiB": binary units, as `docker stats` shows memory. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number | null): string {
  return bytesPerSecond === null ? "—" : `${formatBytes(bytesPerSecond)}/s`;
}

export function formatPercent(percent: number | null): string {
  if (percent === null) return "—";
  return `${percent.toFixed(percent >= 10 ? 1 : 2)} %`;
}

/** A round top for a chart's scale (1, 2, 5 × 10ⁿ) at or above `value`, never below `floor`. */
export function niceCeiling(value: number, floor: number): number {
  const target = Math.max(value, floor);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= target) return step * magnitude;
  return 10 * magnitude;
}

/** Like niceCeiling, in binary units: 2 MiB rather than 2,000,000 bytes (which reads as "1.91 MiB"). */
export function niceBytesCeiling(bytes: number, floor: number): number {
  const target = Math.max(bytes, floor);
  let unit = 1;
  while (target / unit >= 1000 && unit < 1024 ** 4) unit *= 1024;
  return niceCeiling(target / unit, 1) * unit;
}
