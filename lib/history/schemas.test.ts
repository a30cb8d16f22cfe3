import { describe, expect, it } from "vitest";
import { historyFilterQuerySchema, historyListQuerySchema, historyTimelineQuerySchema } from "./schemas";

const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join(".") || "(root)") ?? [];

describe("the history query schemas", () => {
  it("reads every filter, and treats a blank one as absent", () => {
    expect(
      historyListQuerySchema.parse({
        host: "alpha",
        container: "shop-web-1",
        actor: " alice ",
        action: "rollback",
        outcome: "running",
        from: "2025-03-01",
        to: "2025-03-02T10:00:00+02:00",
        limit: "50",
        cursor: "MjAyNS0wMy0wMVQxMDowMDowMC4wMDBafDc",
      }),
    ).toEqual({
      host: "alpha",
      container: "shop-web-1",
      actor: "alice",
      action: "rollback",
      outcome: "running",
      from: "2025-03-01T00:00:00.000Z",
      to: "2025-03-02T08:00:00.000Z",
      limit: 50,
      cursor: "MjAyNS0wMy0wMVQxMDowMDowMC4wMDBafDc",
    });
    expect(historyFilterQuerySchema.parse({ host: "", container: "", outcome: "" })).toEqual({});
  });

  it("writes times the way rows store them, so that text comparison in SQLite is right", () => {
    const parse = (from: string) => historyFilterQuerySchema.parse({ from }).from;
    expect(parse("2025-03-01T10:00:00Z")).toBe("2025-03-01T10:00:00.000Z");
    expect(parse("2025-03-01T10:00")).toBe("2025-03-01T10:00:00.000Z");
    expect(parse("2025-03-01T10:00:00.5-01:00")).toBe("2025-03-01T11:00:00.500Z");
  });

  it("names the field of a bad date, outcome, action or limit", () => {
    for (const from of ["yesterday", "2025-02-30", "2025-13-01", "01/03/2025", "2025-03-01Z"]) {
      expect(fields(historyFilterQuerySchema.safeParse({ from }))).toEqual(["from"]);
    }
    expect(fields(historyFilterQuerySchema.safeParse({ outcome: "ok" }))).toEqual(["outcome"]);
    expect(historyFilterQuerySchema.safeParse({ outcome: "ok" }).error?.issues[0]?.message).toContain(
      "rolled-back",
    );
    expect(fields(historyFilterQuerySchema.safeParse({ action: "delete" }))).toEqual(["action"]);
    expect(fields(historyListQuerySchema.safeParse({ limit: "1001" }))).toEqual(["limit"]);
    expect(fields(historyListQuerySchema.safeParse({ cursor: "a b" }))).toEqual(["cursor"]);
    expect(fields(historyTimelineQuerySchema.safeParse({ days: "0" }))).toEqual(["days"]);
    expect(fields(historyFilterQuerySchema.safeParse({ host: "Alpha!" }))).toEqual(["host"]);
  });

  it("wants `to` after `from`, and refuses parameters it does not know", () => {
    expect(fields(historyFilterQuerySchema.safeParse({ from: "2025-03-02", to: "2025-03-02" }))).toEqual([
      "to",
    ]);
    expect(fields(historyFilterQuerySchema.safeParse({ limit: "5" }))).toEqual(["(root)"]);
    expect(fields(historyListQuerySchema.safeParse({ days: "5" }))).toEqual(["(root)"]);
  });
});
