import { describe, expect, it } from "vitest";
import { isStartFailure } from "./describe-shell-end";

describe("isStartFailure", () => {
  it("recognises the engine's words for a program it could not start", () => {
    expect(
      isStartFailure(
        'OCI runtime exec failed: exec failed: container_linux.go:380: starting container process caused: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\r\n',
      ),
    ).toBe(true);
  });

  it("does not take a shell's own output for it", () => {
    expect(isStartFailure("/ # exit 127\r\n")).toBe(false);
    expect(isStartFailure("")).toBe(false);
  });
});
