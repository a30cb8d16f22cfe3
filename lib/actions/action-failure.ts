// No "server-only": the client reads a failed action's result back out of the error the same way.
import { WharfError, type ErrorCode } from "@/lib/core/errors";
import type { ActionResult } from "./types";

/**
 * An action that ran to its end without doing what was asked (`failed`, `rolled-back`). Its answer is an error
 * status, so `curl -f` and CI pipelines see it, and its body still carries the settled result beside `error`.
 */
export class ActionFailedError extends WharfError {
  constructor(
    code: ErrorCode,
    readonly result: ActionResult,
  ) {
    super(code, result.message, undefined, { ...result });
  }
}

/** The outcomes an action answers 2xx for. */
export function isSuccessOutcome(outcome: string | null): boolean {
  return outcome === "succeeded" || outcome === "no-change";
}

/** The settled result an action's error answer carries, or null for a refusal (nothing was done). */
export function settledResultOf(error: unknown): ActionResult | null {
  if (!(error instanceof WharfError)) return null;
  if (error instanceof ActionFailedError) return error.result;
  const extra = error.extra as Partial<ActionResult> | undefined;
  return extra && typeof extra.historyId === "number" && typeof extra.outcome === "string" && extra.entry
    ? (extra as ActionResult)
    : null;
}
