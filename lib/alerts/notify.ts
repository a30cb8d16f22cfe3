import "server-only";
import { z } from "zod";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { alertConfig } from "./alert-config";
import { composeAutohealMessage } from "./compose-other-messages";
import { enqueueForChannels } from "./enqueue-for-channels";
import { scopeOf } from "./scope-of";
import type { AutohealNotice } from "./types";

export const autohealNoticeSchema = z
  .object({
    event: z.enum(["autoheal.acted", "autoheal.gave-up"]),
    hostId: z.string().min(1),
    containerName: z.string().min(1),
    action: z.enum(["restart", "start"]),
    reason: z.string().min(1).max(500),
    attempt: z.number().int().min(1),
    succeeded: z.boolean().nullable().default(null),
    error: z.string().max(2000).nullable().default(null),
    historyId: z.number().int().positive().nullable().default(null),
    nextTryAt: z.iso.datetime().nullable().default(null),
    at: z.iso.datetime().default(() => new Date().toISOString()),
  })
  .strict();
export type AutohealNoticeInput = z.input<typeof autohealNoticeSchema>;

/**
 * Tells every channel that wants it what auto-heal did (`autoheal.acted`) or that it gave up
 * (`autoheal.gave-up`). Cheap: the message is in the outbox when this resolves, and is delivered, with retries,
 * by the delivery loop. The same notice twice (same event, container, attempt) is one message. Resolves to how
 * many channels it was queued for. Never fails for a delivery problem.
 */
export function notify(input: AutohealNoticeInput): Promise<number> {
  const notice: AutohealNotice = autohealNoticeSchema.parse(input);
  const { store } = getLiveFleet();
  const known = store.hostIds().includes(notice.hostId);
  const row = known ? store.findRowByName(notice.hostId, notice.containerName) : undefined;
  const hostName = known ? store.summary(notice.hostId).name : notice.hostId;
  const message = composeAutohealMessage(notice, row, hostName, alertConfig().publicUrl);
  return enqueueForChannels({
    ruleEvent: notice.event,
    message,
    scope: scopeOf(notice.hostId, notice.containerName, row),
    dedupeKey: `autoheal:${notice.event}:${notice.hostId}/${notice.containerName}:${notice.attempt}:${notice.at}`,
  });
}
