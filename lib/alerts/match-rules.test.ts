import { describe, expect, it } from "vitest";
import { globToRegExp, matchesRules, type EventScope } from "./match-rules";
import type { ChannelRules } from "./types";

const rules = (over: Partial<ChannelRules> = {}): ChannelRules => ({
  events: ["incident.opened", "host.down"],
  hostIds: [],
  composeProject: null,
  containerGlob: null,
  label: null,
  ...over,
});
const scope = (over: Partial<EventScope> = {}): EventScope => ({
  hostId: "alpha",
  containerName: "shop-web-1",
  composeProject: "shop",
  labels: { tier: "front", "com.docker.compose.project": "shop" },
  ...over,
});

describe("matchesRules", () => {
  it("takes only the events asked for", () => {
    expect(matchesRules(rules(), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules(), "incident.ended", scope())).toBe(false);
  });

  it("narrows by host, compose project, name pattern and label", () => {
    expect(matchesRules(rules({ hostIds: ["bravo"] }), "incident.opened", scope())).toBe(false);
    expect(matchesRules(rules({ hostIds: ["bravo", "alpha"] }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ composeProject: "shop" }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ composeProject: "blog" }), "incident.opened", scope())).toBe(false);
    expect(matchesRules(rules({ containerGlob: "shop-*" }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ containerGlob: "shop-web-?" }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ containerGlob: "web" }), "incident.opened", scope())).toBe(false);
    expect(matchesRules(rules({ label: "tier" }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ label: "tier=front" }), "incident.opened", scope())).toBe(true);
    expect(matchesRules(rules({ label: "tier=back" }), "incident.opened", scope())).toBe(false);
    expect(matchesRules(rules({ label: "owner" }), "incident.opened", scope())).toBe(false);
  });

  it("applies container filters only to events about a container: a host going down concerns all of them", () => {
    const hostScope = scope({ containerName: null, composeProject: null, labels: {} });
    expect(matchesRules(rules({ containerGlob: "shop-*", label: "tier" }), "host.down", hostScope)).toBe(
      true,
    );
    expect(matchesRules(rules({ hostIds: ["bravo"] }), "host.down", hostScope)).toBe(false);
  });
});

describe("globToRegExp", () => {
  it("treats everything but * and ? literally and matches whole names", () => {
    expect(globToRegExp("a.b*").test("a.bc")).toBe(true);
    expect(globToRegExp("a.b*").test("axbc")).toBe(false);
    expect(globToRegExp("(x)+").test("(x)+")).toBe(true);
    expect(globToRegExp("web").test("web-1")).toBe(false);
  });
});
