export type CsvCell = string | number | boolean | null;

// A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"): an actor or an error message
// is text someone else chose, so such a cell is made plain text with a leading quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: null is empty, text that could be read as a formula is defused, then quoted if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-terminated line. */
export const csvLine = (cells: CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;
