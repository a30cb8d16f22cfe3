import "server-only";
import { WharfError } from "@/lib/api/errors";
import { containerOps, imageOps } from "@/lib/docker/container-ops";
import { toWharfError } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";
import type { ImageInspect, RawContainerInspect } from "@/lib/docker/types";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { getDb } from "@/lib/history/db";
import { recordHistory } from "@/lib/history/record-history";
import { updateHistory } from "@/lib/history/update-history";
import { withContainerLock } from "./container-lock";
import type { ActionName, ActionResult, HistoryEntry, HistoryPatch, Outcome, Source } from "./types";

export type Caller = { actor: string; source: Source };

export type ActionRun = {
  entry: HistoryEntry;
  container: RawContainerInspect;
  /** The image the container runs, read once here (null when the engine no longer has it). */
  image: ImageInspect | null;
  /** Tells watching clients where the action stands. */
  phase: (phase: string, progress?: number | null) => void;
};

export type ActionEnd = { outcome: Outcome; message: string; patch?: HistoryPatch };

/**
 * The frame every action runs in: find the container (404 naming it), take its lock (409), write the history
 * row before touching anything, run, and settle the row with the outcome — also when the work throws, so no
 * action ever goes unrecorded.
 */
export async function trackAction(
  host: Host,
  nameOrId: string,
  action: ActionName,
  caller: Caller,
  work: (run: ActionRun) => Promise<ActionEnd>,
): Promise<ActionResult> {
  const container = await containerOps.inspect(host, nameOrId).catch((error) => {
    throw toWharfError(error, host, nameOrId);
  });
  const name = container.Name.replace(/^\//, "");
  return withContainerLock(host.id, name, action, async () => {
    const started = Date.now();
    const image = await imageOps.inspect(host, container.Image).catch(() => null);
    const db = getDb();
    const entry = recordHistory(db, {
      at: new Date(started).toISOString(),
      actor: caller.actor,
      source: caller.source,
      action,
      hostId: host.id,
      containerName: name,
      containerIdBefore: container.Id,
      imageRef: container.Config.Image,
      imageIdBefore: container.Image,
      digestBefore: digestOf(image?.RepoDigests, container.Config.Image),
    });
    const { store } = getLiveFleet();
    const publish = (phase: string, progress: number | null, end?: ActionEnd) =>
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
        },
      });
    publish("started", null);
    let end: ActionEnd;
    try {
      end = await work({
        entry,
        container,
        image,
        phase: (phase, progress = null) => publish(phase, progress),
      });
    } catch (error) {
      const failure = error instanceof WharfError ? error : toWharfError(error, host, name);
      end = { outcome: "failed", message: failure.message };
    }
    const settled = updateHistory(db, entry.id, {
      ...end.patch,
      outcome: end.outcome,
      error:
        end.outcome === "succeeded" || end.outcome === "no-change" ? (end.patch?.error ?? null) : end.message,
      durationMs: Date.now() - started,
    });
    publish("done", null, end);
    return { historyId: entry.id, outcome: end.outcome, message: end.message, entry: settled };
  });
}

/** The registry digest of the reference a container was created from, when the engine knows it. */
export function digestOf(repoDigests: string[] | null | undefined, ref: string): string | null {
  if (!repoDigests || repoDigests.length === 0) return null;
  const repo = ref.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
  const match = repoDigests.find((d) => d.startsWith(`${repo}@`)) ?? repoDigests[0]!;
  return match.slice(match.indexOf("@") + 1);
}
