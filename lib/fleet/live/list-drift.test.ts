import { describe, expect, it } from "vitest";
import { testRow } from "../test-row";
import { driftedIds } from "./list-drift";

describe("driftedIds", () => {
  it("names what the listing has that the rows miss or disagree with, and the rows it no longer lists", () => {
    const rows = [
      testRow("alpha", "same"),
      testRow("alpha", "stopped", { state: "running" }),
      testRow("alpha", "sick", { health: "healthy" }),
      testRow("alpha", "gone"),
    ];
    const summaries = [
      { id: "same", state: "running", status: "Up 3 minutes" },
      { id: "stopped", state: "exited", status: "Exited (0) 1 second ago" },
      { id: "sick", state: "running", status: "Up 3 minutes (unhealthy)" },
      { id: "new", state: "created", status: "Created" },
    ];
    expect(driftedIds(summaries, rows)).toEqual(["stopped", "sick", "new", "gone"]);
  });
});
