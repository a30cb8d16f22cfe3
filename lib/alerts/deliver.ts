import "server-only";
import type { StoredChannel } from "./db/channel-table";
import type { SendResult } from "./post-json";
import { sendEmail, type EmailSettings } from "./send-email";
import { sendSlack } from "./send-slack";
import { sendWebhook } from "./send-webhook";
import type { AlertMessage } from "./types";

/** Sends one message to one channel, once. `id` is the outbox id (null for a test message). */
export function deliver(
  channel: StoredChannel,
  message: AlertMessage,
  id: number | null,
): Promise<SendResult> {
  const all = { ...channel.settings, ...channel.secrets };
  switch (channel.kind) {
    case "webhook":
      return sendWebhook(String(all.url), String(all.secret), message, id);
    case "slack":
      return sendSlack(String(all.url), message);
    case "email":
      return sendEmail(all as EmailSettings, message);
    default:
      return Promise.resolve({ ok: false, status: null, error: `unknown channel kind ${channel.kind}` });
  }
}
