import { describe, expect, it } from "vitest";
import { parseTeamMap, readGroupsClaim, teamsForGroups } from "./team-mapping";

describe("parseTeamMap", () => {
  it("reads GROUP=TEAM pairs, trimming spaces and ignoring empty ones", () => {
    expect([...parseTeamMap(" wharf-shop = shop , /corp/ops=ops,")]).toEqual([
      ["wharf-shop", ["shop"]],
      ["/corp/ops", ["ops"]],
    ]);
    expect(parseTeamMap(undefined).size).toBe(0);
  });

  it("lets a group give several teams (once each, whatever the case) and several groups one team", () => {
    const map = parseTeamMap("admins=ops,admins=shop,admins=OPS,devs=shop");
    expect(map.get("admins")).toEqual(["ops", "shop"]);
    expect(map.get("devs")).toEqual(["shop"]);
  });

  it("names the pair that is not GROUP=TEAM", () => {
    expect(() => parseTeamMap("a=b=c")).toThrow('pair 1 ("a=b=c") must be GROUP=TEAM');
    expect(() => parseTeamMap("a=b,=c")).toThrow('pair 2 ("=c") names no group');
    expect(() => parseTeamMap("a=")).toThrow('pair 1 ("a="): the team must be 1 to 64');
  });
});

describe("readGroupsClaim", () => {
  it("takes a list of names, one name, or no claim at all (no groups)", () => {
    expect(readGroupsClaim(["a", "b"])).toEqual({ ok: true, groups: ["a", "b"] });
    expect(readGroupsClaim("a")).toEqual({ ok: true, groups: ["a"] });
    expect(readGroupsClaim(undefined)).toEqual({ ok: true, groups: [] });
  });

  it("refuses anything else rather than guessing", () => {
    for (const value of [42, { shop: true }, ["a", 1], [null]]) expect(readGroupsClaim(value).ok).toBe(false);
  });
});

describe("teamsForGroups", () => {
  const map = parseTeamMap("wharf-shop=shop,wharf-ops=ops,wharf-all=shop,wharf-all=ops");

  it("gives the teams the user's groups map to, each once, sorted; unmapped groups give nothing", () => {
    expect(teamsForGroups(["wharf-shop"], map)).toEqual(["shop"]);
    expect(teamsForGroups(["wharf-ops", "wharf-all", "wharf-shop", "other"], map)).toEqual(["ops", "shop"]);
    expect(teamsForGroups(["other"], map)).toEqual([]);
  });

  it("compares groups exactly: another case or path is another group", () => {
    expect(teamsForGroups(["Wharf-Shop", "/wharf-shop"], map)).toEqual([]);
  });
});
