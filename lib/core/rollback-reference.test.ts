import { describe, expect, it } from "vitest";
import { chooseRollbackReference } from "./rollback-reference";

const D1 = `sha256:${"1".repeat(64)}`;
const image = { Id: `sha256:${"a".repeat(64)}`, RepoDigests: [`127.0.0.1:5000/app@${D1}`] };

describe("chooseRollbackReference", () => {
  it("keeps the previous reference when it still names the previous image", () => {
    expect(chooseRollbackReference("127.0.0.1:5000/app:1", image, image.Id)).toEqual({
      reference: "127.0.0.1:5000/app:1",
      kind: "reference",
    });
  });

  it("names the image by a digest of the same repository when the tag has moved on", () => {
    expect(chooseRollbackReference("127.0.0.1:5000/app:latest", image, `sha256:${"b".repeat(64)}`)).toEqual({
      reference: `127.0.0.1:5000/app@${D1}`,
      kind: "digest",
    });
    expect(chooseRollbackReference("127.0.0.1:5000/app:1", image, null).kind).toBe("digest");
  });

  it("reads Docker Hub's short names in RepoDigests as the written ones", () => {
    const hub = { Id: image.Id, RepoDigests: [`busybox@${D1}`] };
    expect(chooseRollbackReference("docker.io/library/busybox:1.36", hub, null).reference).toBe(
      `docker.io/library/busybox@${D1}`,
    );
  });

  it("falls back to the image id when no reference of its repository names it", () => {
    const other = { Id: image.Id, RepoDigests: [`127.0.0.1:5000/other@${D1}`] };
    expect(chooseRollbackReference("127.0.0.1:5000/app:1", other, null)).toEqual({
      reference: image.Id,
      kind: "image-id",
    });
    expect(chooseRollbackReference("localhost/app:1", { Id: image.Id }, null).kind).toBe("image-id");
    expect(chooseRollbackReference(null, image, null).kind).toBe("image-id");
    expect(chooseRollbackReference(image.Id.slice(7, 19), image, image.Id).kind).toBe("image-id");
  });
});
