import { describe, expect, it } from "vitest";
import { isWharfTransient, wharfAsideName } from "./wharf-transient";

describe("isWharfTransient", () => {
  it("recognises the name a redeploy sets the old container aside under", () => {
    expect(wharfAsideName("shop-web-1", 42)).toBe("shop-web-1-wharf-old-42");
    expect(isWharfTransient(wharfAsideName("shop-web-1", 42))).toBe(true);
  });

  it("leaves alone a container that only looks like one", () => {
    for (const name of [
      "shop-web-1",
      "wharf-old",
      "web-wharf-old-",
      "web-wharf-old-2-copy",
      "web-wharf-old-x",
    ])
      expect(isWharfTransient(name)).toBe(false);
  });
});
