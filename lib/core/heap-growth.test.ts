import { describe, expect, it } from "vitest";
import { argsWithYoungGenerationCap } from "./heap-growth.mjs";

describe("argsWithYoungGenerationCap", () => {
  const argv = ["/usr/bin/node", "/app/scripts/start.mjs", "--verbose"];

  it("starts the same script again with the cap, keeping the node flags and the script's arguments", () => {
    expect(argsWithYoungGenerationCap(["--cpu-prof"], argv, undefined)).toEqual([
      "/usr/bin/node",
      "--max-semi-space-size=8",
      "--cpu-prof",
      "/app/scripts/start.mjs",
      "--verbose",
    ]);
  });

  it("leaves a process that has a cap alone: its own restart, or the operator's on the command line or in NODE_OPTIONS", () => {
    expect(argsWithYoungGenerationCap(["--max-semi-space-size=8"], argv, undefined)).toBeNull();
    expect(argsWithYoungGenerationCap(["--max_semi_space_size=32"], argv, "")).toBeNull();
    expect(argsWithYoungGenerationCap([], argv, "--enable-source-maps --max-semi-space-size=4")).toBeNull();
  });
});
