import "server-only";

const reasons: Record<string, string> = {
  ECONNREFUSED: "connection refused (is PostgreSQL running and listening there?)",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be resolved",
  ETIMEDOUT: "no answer (timed out)",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "host unreachable",
};

/** One line for a failed connection: the system's reason, or what the server said (wrong password, no database). */
export function describeConnectError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  const first = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
  const code = (first as { code?: unknown })?.code;
  if (typeof code === "string" && reasons[code]) return reasons[code];
  const message = first instanceof Error ? first.message : error.message;
  return message.split("\n")[0] || error.name;
}
