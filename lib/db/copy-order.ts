import "server-only";
import { WharfError } from "@/lib/core/errors";

/**
 * The tables in an order that fills every table a foreign key points at before the table holding the key, so
 * each row finds the row it names already there; alphabetical where the keys leave a choice.
 */
export function dependencyOrder(
  tables: readonly string[],
  references: readonly [string, string][],
): string[] {
  const waitsFor = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const [table, referenced] of references)
    if (table !== referenced && waitsFor.has(referenced)) waitsFor.get(table)?.add(referenced);
  const order: string[] = [];
  while (waitsFor.size > 0) {
    const ready = [...waitsFor].filter(([, needs]) => needs.size === 0).map(([table]) => table);
    if (ready.length === 0) {
      throw new WharfError(
        "INTERNAL",
        `The foreign keys between ${[...waitsFor.keys()].join(", ")} form a cycle: no order copies them`,
      );
    }
    for (const table of ready.sort()) {
      order.push(table);
      waitsFor.delete(table);
      for (const needs of waitsFor.values()) needs.delete(table);
    }
  }
  return order;
}
