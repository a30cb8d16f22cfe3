import { describe, expect, it } from "vitest";
import { TICKET_TTL_MS, issueTicket, redeemTicket, type ConsoleGrant } from "./tickets";

const grant: ConsoleGrant = {
  principal: { kind: "user", name: "ops", role: "operator", userId: 1, sessionId: "7" },
  hostId: "alpha",
  asked: "web",
  containerId: "abc",
  containerName: "web",
  command: ["/bin/sh"],
  cols: 80,
  rows: 24,
  address: "127.0.0.1",
};

describe("console tickets", () => {
  it("are redeemed once", () => {
    const { ticket } = issueTicket(grant, 1_000);
    expect(redeemTicket(ticket, 1_001)).toEqual(grant);
    expect(redeemTicket(ticket, 1_002)).toBeNull();
  });

  it("expire after 30 s, and an unknown one finds nothing", () => {
    const { ticket, expiresAt } = issueTicket(grant, 1_000);
    expect(expiresAt).toBe(1_000 + TICKET_TTL_MS);
    expect(redeemTicket(ticket, 1_000 + TICKET_TTL_MS)).toBeNull();
    expect(redeemTicket("not-a-ticket-at-all-xxxxxxxx")).toBeNull();
  });
});
