import { describe, expect, it } from "vitest";
import { streamRecheckMs } from "./watch-principal";

describe("streamRecheckMs", () => {
  it("is 15 s by default, and at most 15 s", () => {
    expect(streamRecheckMs({})).toBe(15_000);
    expect(streamRecheckMs({ WHARF_STREAM_RECHECK_MS: "" })).toBe(15_000);
    expect(streamRecheckMs({ WHARF_STREAM_RECHECK_MS: "250" })).toBe(250);
    expect(() => streamRecheckMs({ WHARF_STREAM_RECHECK_MS: "60000" })).toThrow(/WHARF_STREAM_RECHECK_MS/);
    expect(() => streamRecheckMs({ WHARF_STREAM_RECHECK_MS: "soon" })).toThrow(/WHARF_STREAM_RECHECK_MS/);
  });
});
