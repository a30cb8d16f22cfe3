import "server-only";
import {
  channelIdParamsSchema,
  channelPatchSchema,
  deliveriesQuerySchema,
  newChannelSchema,
} from "@/lib/alerts/schemas";
import { endpoint } from "@/lib/api/endpoint";

const ALERTS = "Alerts";

export const alertEndpoints = {
  channels: endpoint({
    method: "GET",
    path: "/api/alerts/channels",
    auth: "admin",
    reach: { kind: "fleet" },
    tag: ALERTS,
    summary: "The alert channels (write-only settings left out)",
  }),
  createChannel: endpoint({
    method: "POST",
    path: "/api/alerts/channels",
    auth: "admin",
    reach: { kind: "fleet" },
    body: newChannelSchema,
    tag: ALERTS,
    summary: "Add a webhook, Slack or email channel with its rules",
    errors: ["CONFLICT"],
  }),
  updateChannel: endpoint({
    method: "PATCH",
    path: "/api/alerts/channels/{id}",
    auth: "admin",
    reach: { kind: "fleet" },
    params: channelIdParamsSchema,
    body: channelPatchSchema,
    tag: ALERTS,
    summary: "Change a channel; settings merge into the stored ones",
    errors: ["NOT_FOUND", "CONFLICT"],
  }),
  deleteChannel: endpoint({
    method: "DELETE",
    path: "/api/alerts/channels/{id}",
    auth: "admin",
    reach: { kind: "fleet" },
    params: channelIdParamsSchema,
    tag: ALERTS,
    summary: "Delete a channel with its undelivered messages and delivery log",
    errors: ["NOT_FOUND"],
  }),
  testChannel: endpoint({
    method: "POST",
    path: "/api/alerts/channels/{id}/test",
    auth: "admin",
    reach: { kind: "fleet" },
    params: channelIdParamsSchema,
    tag: ALERTS,
    summary:
      "Send a test message now; 502 with the receiver's answer when it did not take it, 403 for a refused destination",
    errors: ["NOT_FOUND", "HOST_UNREACHABLE", "FORBIDDEN"],
  }),
  deliveries: endpoint({
    method: "GET",
    path: "/api/alerts/channels/{id}/deliveries",
    auth: "admin",
    reach: { kind: "fleet" },
    params: channelIdParamsSchema,
    query: deliveriesQuerySchema,
    tag: ALERTS,
    summary: "The channel's recent tries, newest first",
    errors: ["NOT_FOUND"],
  }),
};
