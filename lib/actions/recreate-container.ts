import "server-only";
import { WharfError } from "@/lib/core/errors";
import { containerOps, imageOps } from "@/lib/docker/container-ops";
import type { Host } from "@/lib/docker/host-config";
import type { RawContainerInspect } from "@/lib/docker/types";
import type { ActionStepId } from "@/lib/fleet/live/messages";
import { wharfAsideName } from "@/lib/fleet/wharf-transient";
import { getDatabase } from "@/lib/db/database";
import { clearJournal } from "@/lib/history/db/clear-journal";
import type { HistoryTables } from "@/lib/history/db/history-table";
import type { JournalEntry } from "@/lib/history/db/journal-entry";
import { saveJournal } from "@/lib/history/db/save-journal";
import type { HistoryPatch } from "@/lib/history/types";
import { buildCreateOptions } from "./build-create-options";
import { markCreatedByWharf } from "./container-lock";
import { diffConfig } from "./diff-config";
import type { ActionRun } from "./track-action";
import { digestOf } from "./track-action";
import { waitUntilUp } from "./wait-until-up";

export type RecreateResult =
  { ok: true; patch: HistoryPatch } | { ok: false; reason: string; patch: HistoryPatch };

/**
 * Replaces a container by one on `image` with the same configuration, in an order that cannot lose it: rename
 * the old one aside, create the new one under the name, stop the old, start the new, check it holds, and only
 * then remove the old. Any failure before that end puts the old one back under its name and in its state.
 * Each step is journaled first, so a Wharf killed half-way finishes or undoes it on restart.
 */
export async function recreateContainer(
  host: Host,
  run: ActionRun,
  image: string,
  graceMs: number,
): Promise<RecreateResult> {
  const old: RawContainerInspect = run.container;
  const name = old.Name.replace(/^\//, "");
  const plan = buildCreateOptions(old, run.image, image);
  if (plan.refusals.length > 0) {
    throw new WharfError(
      "VALIDATION",
      `Cannot recreate "${name}" on host "${host.id}" faithfully: ${plan.refusals.join("; ")}`,
    );
  }
  const db = await getDatabase<HistoryTables>();
  const journal: JournalEntry = {
    historyId: run.entry.id,
    hostId: host.id,
    containerName: name,
    oldId: old.Id,
    asideName: wharfAsideName(name, run.entry.id),
    oldWasRunning: old.State.Running,
    newId: null,
    step: "renaming",
  };
  const step = (next: string) => saveJournal(db, { ...journal, step: next });

  await step("renaming");
  await containerOps.rename(host, old.Id, journal.asideName);
  try {
    run.step("create", "creating");
    await step("creating");
    journal.newId = await containerOps.create(host, plan.options as never);
    markCreatedByWharf(journal.newId);
    await step("created");
    for (const network of plan.extraNetworks)
      await containerOps.connectNetwork(host, network.name, journal.newId, network.endpoint);
    if (old.State.Running) {
      run.step("stop-old", "stopping the old container");
      await containerOps.stop(host, old.Id);
    }
    run.step("start-new", "starting");
    await step("starting");
    await containerOps.start(host, journal.newId);
    run.step("check", "checking it holds", { forMs: graceMs });
    await step("checking");
    const problem = await waitUntilUp(host, journal.newId, graceMs);
    if (problem) throw new Error(problem);
  } catch (error) {
    const reason = (error as Error).message;
    run.step("rollback", "rolling back");
    await restoreOld(host, journal);
    await clearJournal(db, journal.historyId);
    return { ok: false, reason, patch: { containerIdAfter: old.Id, imageIdAfter: old.Image } };
  }
  run.step("remove-old", "removing the old container");
  await step("removing the old container");
  await containerOps.remove(host, old.Id);
  await clearJournal(db, journal.historyId);
  const created = await containerOps.inspect(host, journal.newId);
  const createdImage = await imageOps.inspect(host, created.Image).catch(() => null);
  return {
    ok: true,
    patch: {
      containerIdAfter: created.Id,
      imageIdAfter: created.Image,
      digestAfter: digestOf(createdImage?.RepoDigests, created.Config.Image),
      configDiff: diffConfig(old, created),
    },
  };
}

/** The checklist of a recreate after what comes before it (a pull, a tag): no stop when it was not running. */
export function recreatePlan(old: RawContainerInspect, first: ActionStepId[] = ["pull"]): ActionStepId[] {
  return [
    ...first,
    "create",
    ...(old.State.Running ? (["stop-old"] as const) : []),
    "start-new",
    "check",
    "remove-old",
  ];
}

/** Undo: the new container goes, the old one gets its name back and, if it was running, runs again. */
export async function restoreOld(host: Host, journal: JournalEntry): Promise<void> {
  if (journal.newId) await containerOps.remove(host, journal.newId).catch(ignoreMissing);
  try {
    await containerOps.rename(host, journal.oldId, journal.containerName);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 409)
      return ignoreMissing(error as { statusCode?: number });
    // The name is taken: by a new container whose creation Wharf never heard back about. It goes.
    const squatter = await containerOps.inspect(host, journal.containerName);
    if (squatter.Id !== journal.oldId) await containerOps.remove(host, squatter.Id);
    await containerOps.rename(host, journal.oldId, journal.containerName);
  }
  if (journal.oldWasRunning) {
    const current = await containerOps.inspect(host, journal.oldId);
    if (!current.State.Running) await containerOps.start(host, journal.oldId);
  }
}

function ignoreMissing(error: { statusCode?: number }): void {
  if (error.statusCode !== 404) throw error;
}
