"use client";
import { useRef } from "react";

/**
 * React keys for the rows a virtualised list renders, recycled: a row still in view keeps its key, and a row
 * coming into view takes the key of one that left. React then updates the row's DOM in place instead of
 * removing one subtree and building another, which is most of the cost of a frame when a whole screen of rows
 * changes at once (a fast scroll, a jump to the end).
 */
export function useRecycledKeys(): (indexes: readonly number[]) => number[] {
  const slots = useRef(new Map<number, number>());
  return (indexes) => {
    const previous = slots.current;
    const next = new Map<number, number>();
    const taken = new Set<number>();
    for (const index of indexes) {
      const slot = previous.get(index);
      if (slot === undefined) continue;
      next.set(index, slot);
      taken.add(slot);
    }
    let free = 0;
    for (const index of indexes) {
      if (next.has(index)) continue;
      while (taken.has(free)) free++;
      next.set(index, free);
      taken.add(free);
    }
    slots.current = next;
    return indexes.map((index) => next.get(index) ?? index);
  };
}
