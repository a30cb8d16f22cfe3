import { describe, expect, it } from "vitest";
import { groupByProject, NO_PROJECT } from "./group-by-project";
import { testRow } from "./test-row";
import type { ListedContainer } from "./types";

const row = (
  id: string,
  project: string | null,
  patch: Parameters<typeof testRow>[2] = {},
): ListedContainer => ({
  ...testRow("alpha", id, { compose: project ? { project, service: id } : null, ...patch }),
  stale: false,
});

describe("groupByProject", () => {
  const rows = [
    row("a", "shop"),
    row("b", null),
    row("c", "blog"),
    row("d", "shop", { state: "exited", exitCode: 1, attention: "exit" }),
  ];

  it("puts a header before each project's rows, in the rows' order, no project last", () => {
    const items = groupByProject(rows, new Set());
    expect(items.map((item) => (item.kind === "group" ? `#${item.summary.project}` : item.row.id))).toEqual([
      "#shop",
      "a",
      "d",
      "#blog",
      "c",
      "#null",
      "b",
    ]);
  });

  it("gives a project the worst state of its containers", () => {
    const groups = groupByProject(rows, new Set()).flatMap((i) => (i.kind === "group" ? [i.summary] : []));
    expect(groups.map((g) => [g.project, g.state, g.running, g.attention, g.total])).toEqual([
      ["shop", "attention", 1, 1, 2],
      ["blog", "running", 1, 0, 1],
      [null, "running", 1, 0, 1],
    ]);
  });

  it("keeps the header of a collapsed project and hides its rows", () => {
    const items = groupByProject(rows, new Set(["shop", NO_PROJECT]));
    expect(items.map((item) => (item.kind === "group" ? `#${item.collapsed}` : item.row.id))).toEqual([
      "#true",
      "#false",
      "c",
      "#true",
    ]);
  });

  it("calls a project with nothing running stopped, and one with some running partial", () => {
    const stopped = groupByProject([row("x", "p", { state: "exited" })], new Set());
    const partial = groupByProject([row("x", "p"), row("y", "p", { state: "exited" })], new Set());
    expect(stopped[0]?.kind === "group" && stopped[0].summary.state).toBe("stopped");
    expect(partial[0]?.kind === "group" && partial[0].summary.state).toBe("partial");
  });
});
