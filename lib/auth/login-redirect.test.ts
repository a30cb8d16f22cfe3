import { describe, expect, it } from "vitest";
import { isLoginPath, loginHref, safeNextPath } from "./login-redirect";

describe("safeNextPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeNextPath("/containers/edge-1/web?tab=logs")).toBe("/containers/edge-1/web?tab=logs");
    expect(safeNextPath("/incidents")).toBe("/incidents");
  });

  it.each([
    null,
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "evil",
  ])("sends %j to the fleet page", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("never comes back to the sign-in page", () => {
    expect(safeNextPath("/login?next=/history")).toBe("/");
  });
});

describe("loginHref", () => {
  it("carries the current page, encoded", () => {
    expect(loginHref("/history?host=a&result=failed")).toBe(
      "/login?next=%2Fhistory%3Fhost%3Da%26result%3Dfailed",
    );
  });

  it("leaves out a next that is only the fleet page", () => {
    expect(loginHref("/")).toBe("/login");
  });
});

describe("isLoginPath", () => {
  it("matches the page, not lookalikes", () => {
    expect(isLoginPath("/login")).toBe(true);
    expect(isLoginPath("/loginx")).toBe(false);
  });
});
