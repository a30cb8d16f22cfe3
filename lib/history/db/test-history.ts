import type { Kysely } from "kysely";
import type { HistoryEntry, HistoryPatch, NewHistoryEntry } from "@/lib/history/types";
import type { HistoryTables } from "./history-table";
import { recordHistory } from "./record-history";
import { updateHistory } from "./update-history";

export type TestHistory = Partial<NewHistoryEntry> & HistoryPatch;

/** Records a plausible finished redeploy; override only what a test is about (`outcome: null` leaves it running). */
export async function insertHistory(
  db: Kysely<HistoryTables>,
  overrides: TestHistory = {},
): Promise<HistoryEntry> {
  const {
    at,
    actor,
    source,
    action,
    hostId,
    containerName,
    containerIdBefore,
    imageRefBefore,
    imageRef,
    imageIdBefore,
    digestBefore,
    provenanceBefore,
    provenanceAfter,
    project,
    service,
    ...patch
  } = overrides;
  const entry = await recordHistory(db, {
    at: at ?? "2025-03-01T10:00:00.000Z",
    actor: actor ?? "alice",
    source: source ?? "ui",
    action: action ?? "redeploy",
    hostId: hostId ?? "alpha",
    containerName: containerName ?? "api",
    containerIdBefore: containerIdBefore ?? "3f2a9c",
    imageRefBefore: "imageRefBefore" in overrides ? imageRefBefore : "localhost/api:1",
    imageRef: imageRef ?? "localhost/api:1",
    imageIdBefore: imageIdBefore ?? "sha256:1111",
    digestBefore: digestBefore ?? "sha256:aaaa",
    provenanceBefore,
    provenanceAfter,
    project,
    service,
  });
  return updateHistory(db, entry.id, { outcome: "succeeded", durationMs: 1200, ...patch });
}
