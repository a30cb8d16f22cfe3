import type { HistoryEntry } from "@/lib/actions/types";

type Cell = string | number | boolean | null;

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
];

// A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"): an actor or an error message
// is text someone else chose, so such a cell is made plain text with a leading quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: null is empty, text that could be read as a formula is defused, then quoted if needed. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

export function historyCsvHeader(): string {
  return line(columns.map(([name]) => name));
}

export function historyCsvLine(entry: HistoryEntry): string {
  return line(columns.map(([, value]) => value(entry)));
}
