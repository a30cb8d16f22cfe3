import "server-only";
import { WharfError } from "@/lib/api/errors";
import { runLifecycleAction } from "./run-lifecycle-action";
import type { Caller } from "./track-action";
import type { Outcome } from "./types";

export type BulkResult = {
  hostId: string;
  name: string;
  historyId: number | null;
  outcome: Outcome | null;
  message: string;
};

// Two engines restart containers in parallel well; more would only queue inside the engine.
const PARALLEL = 4;

/** Restarts a selection; each container gets its own outcome (a conflict or a missing one fails only itself). */
export async function restartMany(
  targets: { hostId: string; name: string }[],
  caller: Caller,
): Promise<{ results: BulkResult[] }> {
  const results: BulkResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const { hostId, name } = targets[index]!;
      try {
        const result = await runLifecycleAction(hostId, name, "restart", caller);
        results[index] = {
          hostId,
          name,
          historyId: result.historyId,
          outcome: result.outcome,
          message: result.message,
        };
      } catch (error) {
        const message = error instanceof WharfError ? error.message : "internal error";
        results[index] = { hostId, name, historyId: null, outcome: null, message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, targets.length) }, worker));
  return { results };
}
