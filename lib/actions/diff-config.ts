import type { ConfigChange } from "./types";

// Fields that differ on every recreate by nature and say nothing about configuration.
const VOLATILE = new Set(["Hostname"]);

/** The Config and HostConfig fields that differ between two inspect documents, for the history's summary. */
export function diffConfig(
  before: { Config: Record<string, unknown>; HostConfig: Record<string, unknown>; Image?: string },
  after: { Config: Record<string, unknown>; HostConfig: Record<string, unknown>; Image?: string },
): ConfigChange[] {
  const changes: ConfigChange[] = [];
  if (before.Image !== after.Image)
    changes.push({ field: "Image (id)", before: before.Image, after: after.Image });
  for (const section of ["Config", "HostConfig"] as const) {
    const keys = new Set([...Object.keys(before[section]), ...Object.keys(after[section])]);
    for (const key of [...keys].sort()) {
      if (VOLATILE.has(key)) continue;
      const a = before[section][key] ?? null;
      const b = after[section][key] ?? null;
      if (JSON.stringify(a) !== JSON.stringify(b))
        changes.push({ field: `${section}.${key}`, before: a, after: b });
    }
  }
  return changes;
}
