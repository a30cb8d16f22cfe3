import "server-only";

/** For the server log: a library's error and what caused it (fetch's "fetch failed" hides the reason there). */
export function describeError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause instanceof Error ? `${message} (${cause.message})` : message;
}
