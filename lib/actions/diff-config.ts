import type { ConfigChange, KeyChange } from "@/lib/history/types";

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
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      if (section === "Config" && key === "Env")
        changes.push(diffEnvKeys(a as string[] | null, b as string[] | null));
      else changes.push({ field: `${section}.${key}`, before: a, after: b });
    }
  }
  return changes;
}

/** `KEY=value` lists compared by key: what was added, removed or given another value, without the values. */
export function diffEnvKeys(before: string[] | null, after: string[] | null): KeyChange {
  const a = toMap(before ?? []);
  const b = toMap(after ?? []);
  return {
    field: "Config.Env",
    added: [...b.keys()].filter((key) => !a.has(key)).sort(),
    removed: [...a.keys()].filter((key) => !b.has(key)).sort(),
    changed: [...b.keys()].filter((key) => a.has(key) && a.get(key) !== b.get(key)).sort(),
  };
}

function toMap(entries: string[]): Map<string, string | null> {
  return new Map(
    entries.map((entry) => {
      const separator = entry.indexOf("=");
      return separator < 0 ? [entry, null] : [entry.slice(0, separator), entry.slice(separator + 1)];
    }),
  );
}
