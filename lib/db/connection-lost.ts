import "server-only";
import { WharfError } from "@/lib/core/errors";
import { describeConnectError } from "./describe-connect-error";

// The socket went away, or never came: the server stopped, restarted, or cannot be reached.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// What PostgreSQL says as it drops a connection or turns one away: class 08 (connection exception),
// admin_shutdown (pg_terminate_backend, a fast stop), crash_shutdown, cannot_connect_now (starting up or
// shutting down), too_many_connections.
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
// What pg says when the socket closes under a query, a connect times out, or a client that lost its connection
// is used again; these errors carry no code.
const MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection ended unexpectedly/i,
];

/** Whether an error means the database could not be reached, rather than that it refused this statement. */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError && error.errors.some(isConnectionLost)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith("08")) return true;
  }
  return MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * A lost connection as the one error a request answers (503, naming the database and why); any other error as
 * it was. The pool opens a new connection on the next query, so the next request needs nothing from anyone.
 */
export function unavailableIfConnectionLost(error: unknown, host: string): unknown {
  if (!isConnectionLost(error)) return error;
  return new WharfError(
    "UNAVAILABLE",
    `The database at ${host} is unreachable: ${describeConnectError(error)}; Wharf retries on the next request`,
  );
}
