import { describe, expect, it } from "vitest";
import { nodeVersionRefusal } from "./node-version.mjs";

describe("nodeVersionRefusal", () => {
  it("refuses a Node without node:sqlite, or whose statements cannot say whether they return rows", () => {
    expect(nodeVersionRefusal("20.20.2")).toBe("Wharf needs Node 22.16 or later; this is 20.20");
    expect(nodeVersionRefusal("22.13.0")).toBe("Wharf needs Node 22.16 or later; this is 22.13");
    expect(nodeVersionRefusal("23.10.0")).toBe("Wharf needs Node 22.16 or later; this is 23.10");
  });

  it("accepts 22.16 and later, 23.11 and later, and every Node from 24 on", () => {
    for (const version of ["22.16.0", "22.21.1", "23.11.0", "24.0.0", "24.21.0", "26.1.0"])
      expect(nodeVersionRefusal(version)).toBeNull();
  });
});
