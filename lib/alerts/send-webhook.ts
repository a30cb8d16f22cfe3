import "server-only";
import { postJson, type SendResult } from "./post-json";
import { signBody } from "./sign-body";
import type { AlertMessage } from "./types";

/** The documented webhook body (docs/api.md): the message with its outbox id, for receivers to dedupe on. */
export function webhookBody(message: AlertMessage, id: number | null): string {
  return JSON.stringify({ id, ...message });
}

export function sendWebhook(
  url: string,
  secret: string,
  message: AlertMessage,
  id: number | null,
): Promise<SendResult> {
  const body = webhookBody(message, id);
  return postJson(url, body, {
    "x-wharf-event": message.event,
    "x-wharf-delivery": String(id ?? "test"),
    "x-wharf-signature": signBody(body, secret),
  });
}
