"use client";
import { useState } from "react";

/** `runKey`, except that while `hold` is true the last one seen before stays: the log in view is kept. */
export function useHeldRunKey(runKey: string, hold: boolean): string {
  const [held, setHeld] = useState(runKey);
  // Adjusting state while rendering is React's way to follow a prop without an effect's extra render.
  if (!hold && held !== runKey) setHeld(runKey);
  return hold ? held : runKey;
}
