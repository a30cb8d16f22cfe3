import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Db } from "@/lib/db/db";
import { getAlertChannel } from "@/lib/db/get-alert-channel";
import { recordAlertTry } from "@/lib/db/record-alert-try";
import { alertConfig } from "./alert-config";
import { deliver } from "./deliver";
import type { AlertMessage } from "./types";

/**
 * Sends a test message now, outside the outbox (no retries: the admin is waiting for the answer). The try is
 * in the channel's delivery log either way; a failure answers 502 with the receiver's answer or error.
 */
export async function testChannel(db: Db, id: number): Promise<{ ok: true; status: number | null }> {
  const channel = getAlertChannel(db, id);
  if (!channel) throw new WharfError("NOT_FOUND", `Notification channel ${id} not found`);
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
  recordAlertTry(db, { channelId: id, outboxId: null, event: "test", try: 1, ...result, at });
  if (!result.ok)
    throw new WharfError(
      "HOST_UNREACHABLE",
      `The channel "${channel.name}" did not take the test message: ${result.error}`,
      {
        status: result.status,
      },
    );
  return { ok: true, status: result.status };
}
