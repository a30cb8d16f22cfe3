import "server-only";
import { containerOps } from "@/lib/docker/container-ops";
import { loadFleet } from "@/lib/docker/load-fleet";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { getDatabase } from "@/lib/db/database";
import { clearJournal } from "@/lib/history/db/clear-journal";
import type { HistoryTables } from "@/lib/history/db/history-table";
import type { JournalEntry } from "@/lib/history/db/journal-entry";
import { listJournal } from "@/lib/history/db/list-journal";
import { updateHistory } from "@/lib/history/db/update-history";
import { withContainerLock } from "./container-lock";
import { restoreOld } from "./recreate-container";

/**
 * Settles redeploys a previous Wharf process was killed in the middle of. A new container that is up and
 * running is kept (the deploy had done its work; only the old one's removal was left); anything less is
 * undone, putting the old container back under its name and in its state. Either way the history row says so.
 */
export async function recoverInterruptedDeploys(): Promise<void> {
  const entries = await listJournal(await getDatabase<HistoryTables>());
  if (entries.length === 0) return;
  const { store } = getLiveFleet();
  await store.ready();
  for (const entry of entries) {
    const host = loadFleet().find((h) => h.id === entry.hostId);
    if (!host) continue;
    try {
      // Under the container's lock, so the engine events of the clean-up are not taken for someone else's.
      await withContainerLock(host.id, entry.containerName, "redeploy", () => settle(host, entry));
    } catch (error) {
      console.error(
        `[wharf] could not settle the interrupted redeploy of ${entry.containerName} on ${entry.hostId}; will retry at next start`,
        error,
      );
    }
  }
}

async function settle(host: Parameters<typeof restoreOld>[0], entry: JournalEntry): Promise<void> {
  const db = await getDatabase<HistoryTables>();
  const fresh = entry.newId ? await containerOps.inspect(host, entry.newId).catch(() => null) : null;
  const healthy = fresh?.State.Health === undefined || fresh.State.Health.Status === "healthy";
  if (
    fresh &&
    fresh.State.Running &&
    !fresh.State.Restarting &&
    healthy &&
    ["checking", "removing the old container"].includes(entry.step)
  ) {
    await containerOps.remove(host, entry.oldId).catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 404) throw error;
    });
    await updateHistory(db, entry.historyId, {
      outcome: "succeeded",
      containerIdAfter: fresh.Id,
      imageIdAfter: fresh.Image,
      error: `Wharf stopped during the redeploy (step: ${entry.step}); on restart the new container was running, so it was kept and the old one removed`,
    });
  } else {
    await restoreOld(host, entry);
    await updateHistory(db, entry.historyId, {
      outcome: "rolled-back",
      containerIdAfter: entry.oldId,
      error: `Wharf stopped during the redeploy (step: ${entry.step}); on restart the old container was restored`,
    });
  }
  await clearJournal(db, entry.historyId);
}
