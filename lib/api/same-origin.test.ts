import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const env = { PORT: "3000" };
const check = (headers: Record<string, string>, options = {}, environment: Record<string, string> = env) => {
  try {
    assertSameOrigin(
      new Request("http://127.0.0.1:3000/api/x", { method: "POST", headers }),
      options,
      environment,
    );
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("assertSameOrigin", () => {
  it("lets Wharf's own pages through, by Origin and by Sec-Fetch-Site", () => {
    expect(check({ origin: "http://127.0.0.1:3000" })).toBe("allowed");
    expect(check({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBe("allowed");
    expect(check({ "sec-fetch-site": "same-origin" })).toBe("allowed");
  });

  it("refuses null, malformed and foreign origins with FORBIDDEN, never a crash", () => {
    for (const origin of [
      "null",
      "not a url",
      "http://",
      "https://127.0.0.1:3000",
      "http://127.0.0.1:3001",
      "http://evil.example",
    ]) {
      expect(check({ origin }), origin).toBe("FORBIDDEN");
    }
  });

  it("does not take the Host header's word for what Wharf's origin is", () => {
    expect(check({ origin: "http://evil.example", host: "evil.example" })).toBe("FORBIDDEN");
  });

  it("compares with WHARF_PUBLIC_URL alone when it is set", () => {
    const publicEnv = { PORT: "3000", WHARF_PUBLIC_URL: "https://wharf.example.com" };
    expect(check({ origin: "https://wharf.example.com" }, {}, publicEnv)).toBe("allowed");
    expect(check({ origin: "http://wharf.example.com" }, {}, publicEnv)).toBe("FORBIDDEN");
    expect(check({ origin: "http://127.0.0.1:3000" }, {}, publicEnv)).toBe("FORBIDDEN");
  });

  it("lets a request with neither header through only where non-browser callers are welcome", () => {
    expect(check({})).toBe("FORBIDDEN");
    expect(check({}, { allowNonBrowser: true })).toBe("allowed");
    expect(check({ "sec-fetch-site": "cross-site" }, { allowNonBrowser: true })).toBe("FORBIDDEN");
  });
});
