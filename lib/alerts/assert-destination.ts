import "server-only";
import { WharfError } from "@/lib/core/errors";
import { checkDestination } from "./check-destination";
import type { ChannelKind } from "./types";

/**
 * Refuses a channel whose destination Wharf would refuse to send to, when it is saved, so the admin hears it
 * then rather than at the first alert. A name that does not resolve now is kept: the check runs again at
 * every send.
 */
export async function assertDestination(kind: ChannelKind, settings: Record<string, unknown>): Promise<void> {
  const { field, host, port } = destinationOf(kind, settings);
  const checked = await checkDestination(host, port);
  if (!checked.ok && checked.refused)
    throw new WharfError("VALIDATION", `settings.${field}: ${checked.error}`);
}

function destinationOf(kind: ChannelKind, settings: Record<string, unknown>) {
  if (kind === "email") return { field: "host", host: String(settings.host), port: Number(settings.port) };
  const url = new URL(String(settings.url));
  return {
    field: "url",
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
  };
}
