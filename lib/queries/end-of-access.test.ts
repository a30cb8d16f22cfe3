import { beforeEach, describe, expect, it, vi } from "vitest";

const sendToLogin = vi.fn();
vi.mock("@/lib/api/fetch-json", () => ({ sendToLogin }));
const { leaveAfterAccessEnd, reconnectsAfter } = await import("./end-of-access");

describe("after a stream's access end", () => {
  beforeEach(() => sendToLogin.mockClear());

  it("keeps the session when only the grants changed, and reconnects a filtered stream", () => {
    expect(leaveAfterAccessEnd({ reason: "access changed" })).toBe(
      "The stream ended: your grants changed and no longer reach this",
    );
    expect(sendToLogin).not.toHaveBeenCalled();
    expect(reconnectsAfter({ reason: "access changed" })).toBe(true);
  });

  it("sends a browser whose session is over to sign in", () => {
    expect(leaveAfterAccessEnd({ reason: "signed out" })).toBe("The stream ended: signed out");
    expect(sendToLogin).toHaveBeenCalledTimes(1);
    expect(reconnectsAfter({ reason: "signed out" })).toBe(false);
  });
});
