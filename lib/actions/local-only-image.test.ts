import { describe, expect, it } from "vitest";
import { localOnlyProblem } from "./local-only-image";

describe("localOnlyProblem", () => {
  it("says a localhost/ reference exists only on the host", () => {
    expect(localOnlyProblem("localhost/busybox:1")).toMatch(
      /^localhost\/busybox:1 exists only on this host: no registry serves it/,
    );
  });

  it("leaves references a registry serves alone", () => {
    for (const reference of [
      "127.0.0.1:5000/app:1",
      "localhost:5000/app:1",
      "busybox",
      "ghcr.io/a/b@sha256:" + "1".repeat(64),
    ])
      expect(localOnlyProblem(reference), reference).toBeNull();
  });
});
