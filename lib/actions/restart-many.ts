import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Outcome } from "@/lib/history/types";
import { isSuccessOutcome, settledResultOf } from "./action-failure";
import { runLifecycleAction } from "./run-lifecycle-action";
import type { Caller } from "./track-action";

export type BulkResult = {
  hostId: string;
  name: string;
  historyId: number | null;
  outcome: Outcome | null;
  message: string;
};

// Two engines restart containers in parallel well; more would only queue inside the engine.
const PARALLEL = 4;

/**
 * Restarts a selection; each container gets its own outcome (a conflict or a missing one fails only itself).
 * When any did not restart, rejects with INCOMPLETE carrying every result.
 */
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
        const settled = settledResultOf(error);
        const message = error instanceof WharfError ? error.message : "internal error";
        results[index] = settled
          ? { hostId, name, historyId: settled.historyId, outcome: settled.outcome, message }
          : { hostId, name, historyId: null, outcome: null, message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, targets.length) }, worker));
  const failed = results.filter((result) => !isSuccessOutcome(result.outcome));
  // Not 2xx when any container was not restarted (207 would be 2xx, and `curl -f` would call it a success).
  if (failed.length > 0) {
    throw new WharfError(
      "INCOMPLETE",
      `${failed.length} of ${results.length} containers could not be restarted: ${describe(failed)}`,
      undefined,
      { results },
    );
  }
  return { results };
}

function describe(failed: BulkResult[]): string {
  const named = failed.slice(0, 5).map((r) => `${r.name} on ${r.hostId}`);
  return failed.length > 5 ? `${named.join(", ")} and ${failed.length - 5} more` : named.join(", ");
}
