import "server-only";
import { WharfError } from "@/lib/core/errors";
import { toWharfError } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";

/** An engine failure about a service, worded for the service (the container wording would mislead). */
export function serviceError(error: unknown, host: Host, name: string): WharfError {
  if ((error as { statusCode?: number })?.statusCode === 404)
    return new WharfError("NOT_FOUND", `Service "${name}" not found on host "${host.id}"`);
  const wharf = toWharfError(error, host);
  return new WharfError(
    wharf.code,
    wharf.message.replace(`host "${host.id}"`, `service "${name}" on host "${host.id}"`),
  );
}
