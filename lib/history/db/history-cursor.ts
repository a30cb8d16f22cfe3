import "server-only";
import { WharfError } from "@/lib/core/errors";

/** Where a page ended: the next page starts just below this (at, id) in newest-first order. */
export type HistoryCursor = { at: string; id: number };

export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

const ISO_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Reads a cursor this module wrote; anything else is the caller's mistake, named as such. */
export function decodeHistoryCursor(text: string): HistoryCursor {
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const separator = decoded.lastIndexOf("|");
  const at = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !ISO_AT.test(at) || !/^\d{1,15}$/.test(id)) {
    const message = "must be the nextCursor of an earlier page";
    throw new WharfError("VALIDATION", `Invalid query parameters — cursor: ${message}`, {
      issues: [{ field: "cursor", message }],
    });
  }
  return { at, id: Number(id) };
}
