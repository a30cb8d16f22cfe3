import "server-only";
import type { Role } from "@/lib/auth/types";
import { WharfError, type ErrorCode } from "@/lib/core/errors";
import { containerOps, imageOps } from "@/lib/docker/container-ops";
import { toWharfError } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";
import type { ImageInspect, RawContainerInspect } from "@/lib/docker/types";
import { digestOf, provenanceOf } from "@/lib/core/image-provenance";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { getDatabase } from "@/lib/db/database";
import type { ActionProgress, ActionStep, ActionStepId } from "@/lib/fleet/live/messages";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { recordHistory } from "@/lib/history/db/record-history";
import { updateHistory } from "@/lib/history/db/update-history";
import type {
  ActionName,
  HistoryEntry,
  HistoryPatch,
  HistoryStep,
  Outcome,
  Source,
} from "@/lib/history/types";
import { ActionFailedError } from "./action-failure";
import { withContainerLock } from "./container-lock";
import type { ActionResult } from "./types";

export type Caller = { actor: string; source: Source; role: Role };

export type ActionRun = {
  entry: HistoryEntry;
  container: RawContainerInspect;
  /** The image the container runs, read once here (null when the engine no longer has it). */
  image: ImageInspect | null;
  /** Tells watching clients where the action stands. */
  phase: (phase: string, progress?: number | null) => void;
  /** Announces the steps the action will take, for the page's checklist. */
  plan: (steps: ActionStepId[]) => void;
  /**
   * Begins one step of the plan: `phase` says it in words; `forMs` is how long a timed step lasts, sent as its end
   * (`until`), counted from the step's own start so the two never disagree by the millisecond between two clocks.
   */
  step: (id: ActionStepId, phase: string, options?: { forMs?: number }) => void;
  /** Bytes pulled so far, while the pull step runs. */
  pulled: (phase: string, progress: number | null, bytes: { current: number; total: number }) => void;
};

/** `code`: for a `failed` end, what made it fail (it sets the answer's HTTP status). */
export type ActionEnd = { outcome: Outcome; message: string; patch?: HistoryPatch; code?: ErrorCode };

/**
 * The frame every action runs in: find the container (404 naming it), take its lock (409), write the history
 * row before touching anything, run, and settle the row with the outcome — also when the work throws, so no
 * action ever goes unrecorded. `check` may refuse (throw) on what the container is, before anything is recorded.
 * Resolves only for `succeeded` and `no-change`; a `failed` or `rolled-back` end rejects with an
 * ActionFailedError carrying the settled result, so no caller can answer 2xx for it by mistake.
 */
export async function trackAction(
  host: Host,
  nameOrId: string,
  action: ActionName,
  caller: Caller,
  work: (run: ActionRun) => Promise<ActionEnd>,
  check?: (container: RawContainerInspect) => void | Promise<void>,
  target?: string,
): Promise<ActionResult> {
  const container = await containerOps.inspect(host, nameOrId).catch((error) => {
    throw toWharfError(error, host, nameOrId);
  });
  await check?.(container);
  const name = container.Name.replace(/^\//, "");
  return withContainerLock(host.id, name, action, async () => {
    const started = Date.now();
    const image = await imageOps.inspect(host, container.Image).catch(() => null);
    const db = await getDatabase<HistoryTables>();
    // Awaited before the work starts: the row exists (and says "running") before anything is touched.
    const entry = await recordHistory(db, {
      at: new Date(started).toISOString(),
      actor: caller.actor,
      source: caller.source,
      action,
      hostId: host.id,
      containerName: name,
      containerIdBefore: container.Id,
      imageRefBefore: container.Config.Image,
      // Recorded before anything is tried, so a failed redeploy onto a new tag still names the tag it tried.
      imageRef: target ?? container.Config.Image,
      imageIdBefore: container.Image,
      digestBefore: digestOf(image?.RepoDigests, container.Config.Image),
      project: container.Config.Labels?.["com.docker.compose.project"] ?? null,
      service: container.Config.Labels?.["com.docker.compose.service"] ?? null,
      provenanceBefore: image ? provenanceOf(image, container.Config.Image) : null,
    });
    const { store } = getLiveFleet();
    // Every message carries the whole checklist so far: a page opened half-way (or reconnected) shows it all.
    const track: Pick<ActionProgress, "startedAt" | "plan" | "steps" | "pulled"> = {
      startedAt: new Date(started).toISOString(),
    };
    const phases: HistoryStep[] = [];
    const publish = (phase: string, progress: number | null, end?: ActionEnd, durationMs?: number) => {
      // A pull reports progress many times a second: a step is a new phase, not a new percentage.
      const step = phase.replace(/:.*$/, "");
      if (!end && phases.at(-1)?.phase !== step) phases.push({ at: new Date().toISOString(), phase: step });
      store.publish({
        type: "action",
        progress: {
          historyId: entry.id,
          hostId: host.id,
          containerName: name,
          action,
          phase,
          progress,
          done: !!end,
          outcome: end?.outcome,
          message: end?.message,
          durationMs,
          ...track,
          ...(end ? { endedAt: new Date().toISOString() } : {}),
        },
      });
    };
    publish("started", null);
    let end: ActionEnd;
    try {
      end = await work({
        entry,
        container,
        image,
        phase: (phase, progress = null) => publish(phase, progress),
        plan: (steps) => {
          track.plan = steps;
        },
        step: (id, phase, options) => {
          const at = Date.now();
          const step: ActionStep = { id, at: new Date(at).toISOString() };
          if (options?.forMs !== undefined) step.until = new Date(at + options.forMs).toISOString();
          track.steps = [...(track.steps ?? []), step];
          track.pulled = null;
          publish(phase, null);
        },
        pulled: (phase, progress, bytes) => {
          track.pulled = bytes.total > 0 ? bytes : null;
          publish(phase, progress);
        },
      });
    } catch (error) {
      const failure = error instanceof WharfError ? error : toWharfError(error, host, name);
      end = { outcome: "failed", message: failure.message, code: failure.code };
    }
    const settled = await updateHistory(db, entry.id, {
      ...end.patch,
      outcome: end.outcome,
      error:
        end.outcome === "succeeded" || end.outcome === "no-change" ? (end.patch?.error ?? null) : end.message,
      durationMs: Date.now() - started,
      steps: [...phases, { at: new Date().toISOString(), phase: end.outcome }],
    });
    publish("done", null, end, settled.durationMs ?? undefined);
    const result: ActionResult = {
      historyId: entry.id,
      outcome: end.outcome,
      message: end.message,
      entry: { ...settled, action },
    };
    if (end.outcome === "rolled-back") throw new ActionFailedError("ROLLED_BACK", result);
    if (end.outcome === "failed") throw new ActionFailedError(end.code ?? "INTERNAL", result);
    return result;
  });
}

// Lives with the image provenance it is part of; re-exported for the actions that import it from here.
export { digestOf };
