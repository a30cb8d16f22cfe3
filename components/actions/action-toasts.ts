import type { ToastInput, ToastTone } from "@/components/ui/use-toast";
import type { ActionResult } from "@/lib/actions/types";
import type { ActionName, Outcome } from "@/lib/history/types";
import type { BulkRestartResult } from "@/lib/queries/use-bulk-restart";
import { actionLabels } from "./action-labels";

const tones: Record<Outcome, ToastTone> = {
  succeeded: "success",
  "no-change": "neutral",
  "rolled-back": "warning",
  failed: "error",
};

const outcomeWords: Record<Outcome, string> = {
  succeeded: "succeeded",
  "no-change": "changed nothing",
  "rolled-back": "rolled back",
  failed: "failed",
};

/** The end of one action, in the server's own words. */
export function outcomeToast(action: ActionName, name: string, result: ActionResult): ToastInput {
  return {
    tone: tones[result.outcome],
    outcome: result.outcome,
    title: `${actionLabels[action].label} of ${name} ${outcomeWords[result.outcome]}`,
    message: result.message,
  };
}

/** A request the server refused (409 busy, 404 gone, 502 host down…) or never got. */
export function errorToast(title: string, error: Error): ToastInput {
  return { tone: "error", outcome: "error", title, message: error.message };
}

const LISTED = 3;

/** One toast for a whole bulk restart: a count when all went well, the failures by name otherwise. */
export function bulkToast(results: BulkRestartResult[]): ToastInput {
  if (results.length === 0) {
    return {
      tone: "neutral",
      outcome: "no-change",
      title: "Nothing to restart",
      message: "No container has crashed.",
    };
  }
  const failed = results.filter((r) => r.outcome !== "succeeded" && r.outcome !== "no-change");
  const plural = (n: number) => `${n} container${n === 1 ? "" : "s"}`;
  if (failed.length === 0) {
    return {
      tone: "success",
      outcome: "succeeded",
      title: `Restarted ${plural(results.length)}`,
      message: listNames(results.map((r) => r.name)),
    };
  }
  const listed = failed.slice(0, LISTED).map((r) => `${r.name} on ${r.hostId}: ${r.message}`);
  if (failed.length > LISTED) listed.push(`…and ${failed.length - LISTED} more`);
  return {
    tone: "error",
    outcome: "failed",
    title: `${failed.length} of ${plural(results.length)} could not be restarted`,
    message: listed.join(" · "),
  };
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
