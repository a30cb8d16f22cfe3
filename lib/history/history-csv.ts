import type { HistoryEntry } from "./types";
import { csvCell, csvLine, type CsvCell as Cell } from "@/lib/core/csv";

/** The export's columns: every field of the API's HistoryEntry, under the same names. */
const columns: [name: string, value: (entry: HistoryEntry) => Cell][] = [
  ["id", (e) => e.id],
  ["at", (e) => e.at],
  ["actor", (e) => e.actor],
  ["source", (e) => e.source],
  ["action", (e) => e.action],
  ["hostId", (e) => e.hostId],
  ["containerName", (e) => e.containerName],
  ["imageRef", (e) => e.imageRef],
  ["digestBefore", (e) => e.digestBefore],
  ["digestAfter", (e) => e.digestAfter],
  ["outcome", (e) => e.outcome],
  ["durationMs", (e) => e.durationMs],
  ["crashedAfter", (e) => e.crashedAfter],
  ["error", (e) => e.error],
  ["containerIdBefore", (e) => e.containerIdBefore],
  ["containerIdAfter", (e) => e.containerIdAfter],
  ["imageIdBefore", (e) => e.imageIdBefore],
  ["imageIdAfter", (e) => e.imageIdAfter],
  ["configDiff", (e) => JSON.stringify(e.configDiff)],
  ["detail", (e) => e.detail],
  ["project", (e) => e.project],
  ["service", (e) => e.service],
  ["provenanceBefore", (e) => (e.provenanceBefore ? JSON.stringify(e.provenanceBefore) : null)],
  ["provenanceAfter", (e) => (e.provenanceAfter ? JSON.stringify(e.provenanceAfter) : null)],
  ["steps", (e) => JSON.stringify(e.steps)],
  ["imageRefBefore", (e) => e.imageRefBefore],
  ["incidentIds", (e) => JSON.stringify(e.incidentIds)],
];

// The cell rules (quoting, the CSV-injection guard) are shared with the inventory's export.
export { csvCell };
const line = csvLine;

export function historyCsvHeader(): string {
  return line(columns.map(([name]) => name));
}

export function historyCsvLine(entry: HistoryEntry): string {
  return line(columns.map(([, value]) => value(entry)));
}
