import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Host } from "./host-config";

type EngineFailure = Error & { statusCode?: number; code?: string; json?: { message?: string } | null };

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "EACCES",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Turns whatever dockerode threw into a WharfError that names the host (and the container, when there is
 * one). The engine's own sentence is kept because it is what the user can act on; its HTTP internals are not.
 */
export function toWharfError(error: unknown, host: Host, container?: string): WharfError {
  if (error instanceof WharfError) return error;
  const failure = error as EngineFailure;
  const subject = container ? `container "${container}" on host "${host.id}"` : `host "${host.id}"`;
  if (failure?.statusCode === 404) {
    return new WharfError(
      "NOT_FOUND",
      container
        ? `Container "${container}" not found on host "${host.id}"`
        : `Not found on host "${host.id}"`,
    );
  }
  if (failure?.statusCode === 409) {
    return new WharfError("CONFLICT", `Conflict on ${subject}: ${engineMessage(failure)}`);
  }
  if (failure?.statusCode !== undefined) {
    return new WharfError(
      "ENGINE_REFUSED",
      `The engine of host "${host.id}" refused the request for ${subject}: ${engineMessage(failure)}`,
    );
  }
  return new WharfError(
    "HOST_UNREACHABLE",
    `Host "${host.id}" is unreachable: ${reachabilityReason(failure)}`,
  );
}

export function reachabilityReason(failure: EngineFailure | undefined): string {
  if (!failure) return "unknown error";
  if (failure.code && unreachableCodes.has(failure.code))
    return `${failure.code} (${describeCode(failure.code)})`;
  if (/timed out|timeout/i.test(failure.message ?? ""))
    return failure.message.startsWith("timed out") ? failure.message : "timed out";
  if (/certificate|self[- ]signed|SSL|TLS/i.test(failure.message ?? ""))
    return `TLS error: ${failure.message}`;
  return failure.message || "unknown error";
}

function describeCode(code: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOENT":
      return "socket not found";
    case "EACCES":
      return "permission denied on the socket";
    case "ECONNRESET":
      return "connection reset";
    case "ETIMEDOUT":
      return "timed out";
    default:
      return "network error";
  }
}

function engineMessage(failure: EngineFailure): string {
  const message = failure.json?.message ?? failure.message ?? "";
  // dockerode prefixes its own "(HTTP code 404) no such container - " wrapper; users only need the engine's part.
  return message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, "").trim() || `HTTP ${failure.statusCode}`;
}
