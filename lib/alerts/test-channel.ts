import "server-only";
import { WharfError } from "@/lib/core/errors";
import { authDatabase } from "@/lib/auth/auth-database";
import { recordAudit } from "@/lib/auth/db/record-audit";
import { getDatabase } from "@/lib/db/database";
import { alertConfig } from "./alert-config";
import type { AlertTables } from "./db/alert-tables";
import type { StoredChannel } from "./db/channel-table";
import { getAlertChannel } from "./db/get-alert-channel";
import { recordAlertTry } from "./db/record-alert-try";
import { deliver } from "./deliver";
import type { AlertMessage } from "./types";

/**
 * Sends a test message now, outside the outbox (no retries: the admin is waiting for the answer). The try is
 * in the channel's delivery log either way, and in the audit log with where it went: a test send is a request
 * from Wharf's network position on an admin's word. A failure answers 502 with the receiver's answer or error,
 * a destination Wharf refuses 403.
 */
export async function testChannel(
  id: number,
  actor: string,
  address?: string,
): Promise<{ ok: true; status: number | null }> {
  const db = await getDatabase<AlertTables>();
  const channel = await getAlertChannel(db, id);
  if (!channel) throw new WharfError("NOT_FOUND", `Alert channel ${id} not found`);
  const at = new Date().toISOString();
  const { publicUrl } = alertConfig();
  const message: AlertMessage = {
    event: "test",
    at,
    title: `Test message for the channel "${channel.name}"`,
    details: ["Wharf can reach this channel. Alerts will arrive here as they happen."],
    host: null,
    container: null,
    service: null,
    incident: null,
    deploy: null,
    autoheal: null,
    logTail: [],
    held: [],
    url: `${publicUrl}/settings`,
  };
  const result = await deliver(channel, message, null);
  const { refused, ...tried } = result;
  await recordAlertTry(db, { channelId: id, outboxId: null, event: "test", try: 1, ...tried, at });
  const outcome = result.ok ? `answered ${result.status ?? "ok"}` : refused ? "refused" : "failed";
  // The audit log is not on the typed layer yet (on PostgreSQL this answers UNAVAILABLE).
  await recordAudit(await authDatabase(), {
    actor,
    action: "channel-tested",
    target: channel.name,
    address,
    detail: `kind: ${channel.kind}; destination: ${destinationHost(channel)}; ${outcome}`,
    at,
  });
  if (!result.ok)
    throw new WharfError(
      refused ? "FORBIDDEN" : "HOST_UNREACHABLE",
      `The channel "${channel.name}" did not take the test message: ${result.error}`,
      { status: result.status },
    );
  return { ok: true, status: result.status };
}

/** Host and port only: a URL's path and query may hold the receiver's token. */
function destinationHost(channel: StoredChannel): string {
  const all = { ...channel.settings, ...channel.secrets };
  if (channel.kind === "email") return `${String(all.host)}:${String(all.port)}`;
  try {
    return new URL(String(all.url)).host;
  } catch {
    return "(not a URL)";
  }
}
