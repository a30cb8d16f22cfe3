"use client";
import { useCallback, useMemo, useState } from "react";
import { swarmTaskRefusal } from "@/lib/fleet/swarm-task";
import type { ListedContainer } from "@/lib/fleet/types";

export const rowKey = (row: Pick<ListedContainer, "hostId" | "name">) => `${row.hostId}/${row.name}`;

/**
 * The table's checked rows, by host and name (a redeploy keeps the name, not the id). Only rows in view count
 * as selected: a filter must not leave hidden containers in a bulk restart.
 */
export function useRowSelection(rows: ListedContainer[]) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  // Rows change with every live event: with nothing checked, skip the pass over all of them.
  const selected = useMemo(
    () => (checked.size === 0 ? [] : rows.filter((row) => checked.has(rowKey(row)))),
    [rows, checked],
  );
  const all = selected.length > 0 && selected.length === rows.length;
  // The same function for the table's life: rows are memoised on their props.
  const toggle = useCallback(
    (key: string) =>
      setChecked((old) => {
        const next = new Set(old);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  return {
    checked,
    selected,
    all,
    some: selected.length > 0 && !all,
    toggle,
    // Rows of a host that is down, and swarm tasks' containers, cannot be restarted: "all" leaves them out.
    toggleAll: () =>
      setChecked(
        all ? new Set() : new Set(rows.filter((row) => !row.stale && !swarmTaskRefusal(row)).map(rowKey)),
      ),
    clear: () => setChecked(new Set()),
  };
}
