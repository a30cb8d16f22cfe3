import { describe, expect, inject, it } from "vitest";
import { api, authHeaders } from "../support/api";
import { post } from "../support/post";

type Channel = { id: number; name: string; kind: string };

// Alerts' routes moved from /api/notifications to /api/alerts (issue 24, one word per concept): a client written
// against the old paths must see no difference.
describe("the alerts API under its old /api/notifications paths", () => {
  it("creates, lists, reads the deliveries of and deletes a channel, the same channel as /api/alerts", async () => {
    const name = `dbs-alias-${Date.now().toString(36)}`;
    const created = await post<{ channel: Channel }>("/api/notifications/channels", {
      name,
      kind: "webhook",
      rules: { events: ["incident.opened"], containerGlob: `${name}-none-*` },
      settings: { url: "http://127.0.0.1:9/dbs-nobody-listens", secret: "dbs-alias-secret-of-24-chars" },
    });
    expect(created.status).toBe(200);
    const { id } = created.body.channel;

    const listed = await api<{ channels: Channel[] }>("/api/alerts/channels");
    expect(listed.body.channels).toContainEqual(expect.objectContaining({ id, name, kind: "webhook" }));
    const old = await api<{ channels: Channel[] }>("/api/notifications/channels");
    expect(old.status).toBe(200);
    expect(old.body.channels).toEqual(listed.body.channels);
    const deliveries = await api<{ deliveries: unknown[] }>(`/api/notifications/channels/${id}/deliveries`);
    expect(deliveries).toEqual({ status: 200, body: { deliveries: [] } });

    const removed = await fetch(`${inject("wharfUrl")}/api/notifications/channels/${id}`, {
      method: "DELETE",
      headers: authHeaders(),
    });
    expect(removed.status).toBe(200);
    const gone = await api<{ error: { code: string; message: string } }>(
      `/api/alerts/channels/${id}/deliveries`,
    );
    expect(gone).toEqual({
      status: 404,
      body: {
        error: expect.objectContaining({ code: "NOT_FOUND", message: `Alert channel ${id} not found` }),
      },
    });
  });

  it("still asks for an admin on the old paths", async () => {
    const anonymous = await fetch(`${inject("wharfUrl")}/api/notifications/channels`);
    expect(anonymous.status).toBe(401);
  });
});
