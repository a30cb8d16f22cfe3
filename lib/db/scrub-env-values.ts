import "server-only";
import type { DatabaseSync } from "node:sqlite";

type OldChange = { field?: unknown; before?: unknown; after?: unknown };

/**
 * Migration 6: history rows written before it hold environment values (`configDiff` entries for `Config.Env`
 * with `KEY=value` lists) in clear, readable by every viewer. Each becomes the key-only form the actions
 * write now (lib/actions/diff-config.ts). Kept here rather than imported: a migration must go on doing what
 * it did when it shipped, whatever later becomes of the code it was written next to.
 */
export function scrubEnvValues(db: DatabaseSync): void {
  const rows = db
    .prepare(`SELECT id, config_diff FROM deploy_history WHERE config_diff LIKE '%Env%'`)
    .all() as { id: number; config_diff: string }[];
  const update = db.prepare(`UPDATE deploy_history SET config_diff = ? WHERE id = ?`);
  for (const row of rows) {
    const changes = JSON.parse(row.config_diff) as unknown;
    if (!Array.isArray(changes)) continue;
    let touched = false;
    const scrubbed = changes.map((change: OldChange) => {
      if (!isEnvField(change?.field) || !("before" in change || "after" in change)) return change;
      touched = true;
      return keyChange(String(change.field), change.before, change.after);
    });
    if (touched) update.run(JSON.stringify(scrubbed), row.id);
  }
}

function isEnvField(field: unknown): boolean {
  return field === "Config.Env" || field === "Env";
}

function keyChange(field: string, before: unknown, after: unknown) {
  const a = toMap(before);
  const b = toMap(after);
  return {
    field,
    added: [...b.keys()].filter((key) => !a.has(key)).sort(),
    removed: [...a.keys()].filter((key) => !b.has(key)).sort(),
    changed: [...b.keys()].filter((key) => a.has(key) && a.get(key) !== b.get(key)).sort(),
  };
}

function toMap(list: unknown): Map<string, string | null> {
  const entries = Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
  return new Map(
    entries.map((entry) => {
      const separator = entry.indexOf("=");
      return separator < 0 ? [entry, null] : [entry.slice(0, separator), entry.slice(separator + 1)];
    }),
  );
}
