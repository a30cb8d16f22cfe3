import { describe, expect, it } from "vitest";
import type { ImageProvenance } from "@/lib/core/image-provenance";
import { buildInventory, repositoryOf } from "./build-inventory";
import { testRow } from "./test-row";

const v = (version: string | null, digest: string | null = null): ImageProvenance => ({
  version,
  revision: null,
  source: null,
  created: null,
  digest,
  commitUrl: null,
});

describe("buildInventory", () => {
  it("groups compose services by project/service and other containers by repository", () => {
    const rows = buildInventory([
      testRow("alpha", "1", {
        image: "127.0.0.1:5000/shop:v1",
        imageId: "sha256:aa",
        compose: { project: "shop", service: "web" },
        provenance: v("1.0.0"),
      }),
      testRow("alpha", "2", {
        image: "127.0.0.1:5000/shop:v1",
        imageId: "sha256:aa",
        compose: { project: "shop", service: "web" },
        state: "exited",
        provenance: v("1.0.0"),
      }),
      testRow("bravo", "3", { image: "redis:7", imageId: "sha256:bb" }),
      testRow("charlie", "4", { image: "redis@sha256:1234", imageId: "sha256:bb" }),
    ]);
    expect(rows.map((r) => [r.kind, r.name, r.drift])).toEqual([
      ["image", "redis", false],
      ["service", "shop/web", false],
    ]);
    expect(rows[1]!.cells.alpha).toEqual([
      expect.objectContaining({ label: "1.0.0", imageId: "sha256:aa", count: 2, running: 1 }),
    ]);
    expect(Object.keys(rows[0]!.cells).sort()).toEqual(["bravo", "charlie"]);
  });

  it("flags drift when hosts run different images, and lists it first", () => {
    const rows = buildInventory([
      testRow("alpha", "1", { image: "a/app:1", imageId: "sha256:0123456789abcdef" }),
      testRow("bravo", "2", {
        image: "a/app:1",
        imageId: "sha256:fedcba9876543210",
        provenance: v(null, "sha256:99998888777766665555"),
      }),
      testRow("alpha", "3", { image: "z/other:1", imageId: "sha256:cc" }),
      testRow("alpha", "4", { name: "app-wharf-old-12", image: "z/other:0", imageId: "sha256:dd" }),
    ]);
    expect(rows.map((r) => [r.name, r.drift])).toEqual([
      ["a/app", true],
      ["z/other", false],
    ]);
    // No version label: the short digest, else the short image id.
    expect(rows[0]!.cells.alpha![0]!.label).toBe("0123456789ab");
    expect(rows[0]!.cells.bravo![0]!.label).toBe("999988887777");
  });

  it("reads repositories the way references are written", () => {
    expect(repositoryOf("127.0.0.1:5000/shop:v2")).toBe("127.0.0.1:5000/shop");
    expect(repositoryOf("127.0.0.1:5000/shop")).toBe("127.0.0.1:5000/shop");
    expect(repositoryOf("shop@sha256:abc")).toBe("shop");
  });
});
