import { describe, expect, it } from "vitest";
import { isCrashed } from "./is-crashed";
import type { ListedContainer } from "./types";

const row = (over: Partial<ListedContainer>) =>
  ({ state: "exited", exitCode: 0, oomKilled: false, health: null, exitCause: null, stale: false, ...over }) as ListedContainer;

describe("isCrashed", () => {
  it("takes non-zero exits, OOM kills and dead containers", () => {
    expect(isCrashed(row({ exitCode: 3, exitCause: "crash" }))).toBe(true);
    expect(isCrashed(row({ exitCode: 137, oomKilled: true }))).toBe(true);
    expect(isCrashed(row({ state: "dead" }))).toBe(true);
  });

  it("leaves clean exits, deliberate stops, restart loops and unhealthy ones alone", () => {
    expect(isCrashed(row({ exitCode: 0 }))).toBe(false);
    expect(isCrashed(row({ exitCode: 143, exitCause: "stopped" }))).toBe(false);
    expect(isCrashed(row({ state: "restarting", exitCode: 1 }))).toBe(false);
    expect(isCrashed(row({ state: "running", health: "unhealthy" }))).toBe(false);
  });

  it("does not count a row of a host that is down", () => {
    expect(isCrashed(row({ exitCode: 3, stale: true }))).toBe(false);
  });
});
