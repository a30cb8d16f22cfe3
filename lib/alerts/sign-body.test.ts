import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./sign-body";

describe("signBody", () => {
  const body = JSON.stringify({ id: 1, event: "incident.opened", title: "web on alpha crashed (exit 3)" });
  const secret = "a-secret-of-sixteen+";

  it("is sha256=<hex> of the HMAC-SHA256 of the exact body, as a receiver computes it", () => {
    const hex = createHmac("sha256", secret).update(body).digest("hex");
    expect(signBody(body, secret)).toBe(`sha256=${hex}`);
    expect(verifySignature(body, secret, `sha256=${hex}`)).toBe(true);
  });

  it("fails for another secret, a changed body or a missing header", () => {
    const header = signBody(body, secret);
    expect(verifySignature(body, "another-secret-sixteen", header)).toBe(false);
    expect(verifySignature(body.replace("3", "4"), secret, header)).toBe(false);
    expect(verifySignature(body, secret, null)).toBe(false);
  });
});
