import { describe, expect, it } from "vitest";
import { countStates } from "@/lib/fleet/count-states";
import { testRow } from "@/lib/fleet/test-row";
import type { HostSummary, ListedContainer } from "@/lib/fleet/types";
import { rankHosts } from "./rank-hosts";

const host = (id: string, status: "up" | "down" = "up"): HostSummary => ({
  id,
  name: id,
  url: "unix:///x",
  status,
  engineVersion: null,
  apiVersion: null,
  latencyMs: null,
  error: status === "down" ? "refused" : null,
  counts: countStates([]),
});
const row = (hostId: string, id: string, flagged: boolean, stale = false): ListedContainer => ({
  ...testRow(hostId, id, flagged ? { state: "exited", exitCode: 1, attention: "exit" } : {}),
  stale,
});

describe("rankHosts", () => {
  it("puts hosts that are down first, then those with the most problems, then by name", () => {
    const tiles = rankHosts(
      [host("a"), host("b"), host("c", "down"), host("d")],
      [row("b", "1", true), row("d", "2", true), row("d", "3", true), row("a", "4", false)],
    );
    expect(tiles.map((t) => [t.host.id, t.flagged.length])).toEqual([
      ["c", 0],
      ["d", 2],
      ["b", 1],
      ["a", 0],
    ]);
  });
  it("never flags the last known rows of a host that is down", () => {
    const tiles = rankHosts([host("c", "down")], [row("c", "1", true, true)]);
    expect(tiles[0]?.flagged).toEqual([]);
  });
});
