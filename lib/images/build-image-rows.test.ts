import { describe, expect, it } from "vitest";
import { buildImageRows, isPrunable } from "./build-image-rows";

const image = (id: string, tags: string[], created: number, labels: Record<string, string> = {}) => ({
  id,
  repoTags: tags,
  repoDigests: [],
  created,
  size: 100,
  labels,
});

describe("buildImageRows", () => {
  const rows = buildImageRows(
    [
      image("sha256:a", ["app:1"], 10, { "org.opencontainers.image.version": " 1.2.3 " }),
      image("sha256:b", [], 30),
      image("sha256:c", ["app:previous"], 20),
    ],
    [
      { containerId: "1", name: "web", state: "running", imageId: "sha256:a" },
      { containerId: "2", name: "job", state: "exited", imageId: "sha256:a" },
    ],
    [{ containerName: "web", imageId: "sha256:c" }],
  );
  const byId = (id: string) => rows.find((row) => row.id === id)!;

  it("orders newest first and says who uses each image, running or stopped", () => {
    expect(rows.map((row) => row.id)).toEqual(["sha256:b", "sha256:c", "sha256:a"]);
    expect(byId("sha256:a").containers).toEqual([
      { name: "job", state: "exited" },
      { name: "web", state: "running" },
    ]);
    expect(byId("sha256:a")).toMatchObject({ unused: false, dangling: false, version: "1.2.3" });
    expect(byId("sha256:a").created).toBe("1970-01-01T00:00:10.000Z");
  });

  it("marks an untagged image dangling and an image without containers unused", () => {
    expect(byId("sha256:b")).toMatchObject({ dangling: true, unused: true, version: null });
  });

  it("never offers to prune an image in use or one a rollback needs", () => {
    expect(byId("sha256:c").rollbackFor).toEqual(["web"]);
    expect(rows.filter(isPrunable).map((row) => row.id)).toEqual(["sha256:b"]);
  });
});
