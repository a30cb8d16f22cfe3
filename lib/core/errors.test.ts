import { describe, expect, it, vi } from "vitest";
import { ActionFailedError } from "@/lib/actions/action-failure";
import { WharfError } from "./errors";

describe("WharfError", () => {
  it("is known by instanceof when another copy of the module made it, as another Next bundle does", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.WharfError).not.toBe(WharfError);
    const made = new other.WharfError("UNAVAILABLE", "The database at db:5432 is unreachable");
    expect(made instanceof WharfError).toBe(true);
    expect(new Error("plain") instanceof WharfError).toBe(false);
    expect((null as unknown as object) instanceof WharfError).toBe(false);
  });

  it("leaves a subclass's instanceof to its own instances", () => {
    expect(new WharfError("INTERNAL", "x") instanceof ActionFailedError).toBe(false);
  });
});
