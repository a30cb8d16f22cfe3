import { describe, expect, it } from "vitest";
import { formatActionDuration, formatOffset, formatUtc, shortDigest, shortReference } from "./format-history";
import {
  historyQueryString,
  pageQueryString,
  parseHistoryFilter,
  withPageDefaults,
} from "./history-search-params";

describe("formatting history cells", () => {
  it("shortens a digest to 12 hex digits", () => {
    expect(shortDigest("sha256:4f67a1b2c3d4e5f60718293a4b5c6d7e")).toBe("4f67a1b2c3d4");
    expect(shortDigest("abc")).toBe("abc");
  });

  it("keeps a reference's name and tag, the part that tells two apart", () => {
    expect(shortReference("127.0.0.1:5000/team/shop:2")).toBe("…/shop:2");
    expect(shortReference("shop:2")).toBe("shop:2");
    expect(shortReference("registry.example/team/shop@sha256:abcd")).toBe("…/shop@sha256:abcd");
  });

  it("says how long an action took, to the second", () => {
    expect(formatActionDuration(850)).toBe("850 ms");
    expect(formatActionDuration(4_240)).toBe("4.2 s");
    expect(formatActionDuration(42_400)).toBe("42 s");
    expect(formatActionDuration(125_000)).toBe("2 min 5 s");
    expect(formatActionDuration(3 * 3_600_000 + 60_000 * 7)).toBe("3 h 7 min");
  });
});

describe("the history URL", () => {
  it("reads the filters back as it wrote them, leaving out what is unset", () => {
    const filter = {
      hostId: "alpha",
      containerName: "api",
      actor: "alice",
      action: "rollback",
      outcome: "running",
      from: "2025-03-01",
      to: "2025-03-05",
    } as const;
    const query = historyQueryString(filter);
    expect(query).toBe(
      "host=alpha&container=api&actor=alice&action=rollback&outcome=running&from=2025-03-01&to=2025-03-05",
    );
    expect(parseHistoryFilter(new URLSearchParams(query))).toEqual(filter);
    expect(historyQueryString({ hostId: "alpha", limit: 20, cursor: "abc" })).toBe(
      "host=alpha&limit=20&cursor=abc",
    );
  });

  it("drops an action or outcome the page cannot show, and blank values", () => {
    expect(parseHistoryFilter(new URLSearchParams("action=delete&outcome=ok&host=&actor=%20bob%20"))).toEqual(
      { actor: "bob" },
    );
  });
});

describe("the history page's defaults", () => {
  it("hides removes made outside Wharf unless the URL asks for them, or for removes", () => {
    const view = (query: string) => withPageDefaults(parseHistoryFilter(new URLSearchParams(query)));
    expect(view("")).toEqual({ externalRemoves: "hide" });
    expect(view("externalRemoves=show&deploys=only")).toEqual({ externalRemoves: "show", deploys: "only" });
    expect(view("action=remove")).toEqual({ action: "remove" });
    expect(view("deploys=yes&externalRemoves=maybe")).toEqual({ externalRemoves: "hide" });
  });

  it("writes only what differs from those defaults into the page's URL, and all of it for the API", () => {
    expect(pageQueryString({ externalRemoves: "hide" })).toBe("");
    expect(historyQueryString({ externalRemoves: "hide" })).toBe("externalRemoves=hide");
    expect(pageQueryString({ externalRemoves: "show", deploys: "only" })).toBe(
      "deploys=only&externalRemoves=show",
    );
    expect(pageQueryString({ action: "remove" })).toBe("action=remove");
  });
});

describe("absolute times", () => {
  it("names the zone and reads year first", () => {
    expect(formatUtc("2026-12-01T10:00:03.456Z")).toBe("2026-12-01 10:00:03 UTC");
    expect(formatUtc("garbage")).toBe("garbage");
    expect(formatOffset("2026-12-01T10:00:00.000Z", "2026-12-01T10:00:04.200Z")).toBe("+4.2 s");
  });
});
