import { describe, expect, it } from "vitest";
import {
  formatReference,
  imageRefusal,
  rollbackRefusal,
  matchesImagePattern,
  parseImageReference,
  repositoryOf,
  withTagOrDigest,
  type ImageRuleInput,
} from "./image-rule";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const parse = (ref: string) => parseImageReference(ref)!;

describe("parseImageReference", () => {
  it("normalises Docker Hub names as the engine does", () => {
    expect(parse("busybox")).toEqual({
      registry: "docker.io",
      repository: "library/busybox",
      tag: null,
      digest: null,
    });
    expect(repositoryOf(parse("docker.io/library/busybox:1.36"))).toBe("docker.io/library/busybox");
    expect(repositoryOf(parse("index.docker.io/library/busybox"))).toBe("docker.io/library/busybox");
    expect(repositoryOf(parse("bitnami/redis:7"))).toBe("docker.io/bitnami/redis");
    expect(formatReference(parse("busybox"))).toBe("docker.io/library/busybox:latest");
  });

  it("tells a registry with a port from a tag, and reads digests", () => {
    expect(parse("127.0.0.1:5000/app:v1")).toEqual({
      registry: "127.0.0.1:5000",
      repository: "app",
      tag: "v1",
      digest: null,
    });
    expect(parse(`127.0.0.1:5000/team/app@${DIGEST}`)).toEqual({
      registry: "127.0.0.1:5000",
      repository: "team/app",
      tag: null,
      digest: DIGEST,
    });
    expect(parse("localhost/busybox:1").registry).toBe("localhost");
    expect(formatReference(parse(`app:v1@${DIGEST}`))).toBe(`docker.io/library/app:v1@${DIGEST}`);
  });

  it("refuses what is not a reference", () => {
    for (const bad of ["", "App", "app:", "app@sha256:12", "a//b", "-app", "app:bad tag", "reg:port/x"]) {
      expect(parseImageReference(bad), bad).toBeNull();
    }
  });
});

describe("withTagOrDigest", () => {
  it("keeps the container's repository as written and changes only the tag or digest", () => {
    expect(withTagOrDigest("127.0.0.1:5000/app:v1", "v2")).toBe("127.0.0.1:5000/app:v2");
    expect(withTagOrDigest("127.0.0.1:5000/app", ":v2")).toBe("127.0.0.1:5000/app:v2");
    expect(withTagOrDigest("127.0.0.1:5000/app:v1", DIGEST)).toBe(`127.0.0.1:5000/app@${DIGEST}`);
    expect(withTagOrDigest(`127.0.0.1:5000/app@${DIGEST}`, "@" + DIGEST)).toBe(
      `127.0.0.1:5000/app@${DIGEST}`,
    );
  });

  it("cannot smuggle another repository in through the tag", () => {
    expect(withTagOrDigest("127.0.0.1:5000/app:v1", "evil.example/x:1")).toBeNull();
    expect(withTagOrDigest("127.0.0.1:5000/app:v1", "v1/../other")).toBeNull();
    expect(withTagOrDigest("sha256:" + "ab".repeat(32), "v2")).toBeNull();
  });
});

describe("matchesImagePattern", () => {
  it("matches globs against the normalised reference", () => {
    expect(matchesImagePattern("127.0.0.1:5000/*", parse("127.0.0.1:5000/team/app:v1"))).toBe(true);
    expect(matchesImagePattern("127.0.0.1:5000/*", parse("127.0.0.1:5001/app:v1"))).toBe(false);
    expect(matchesImagePattern("docker.io/library/busybox:*", parse("busybox"))).toBe(true);
    expect(matchesImagePattern("docker.io/library/busybox:1.3?", parse("busybox:1.36"))).toBe(true);
    // Dots are literal: 127.0.0.1 does not match 127a0b0c1.
    expect(matchesImagePattern("127.0.0.1:5000/*", parse("127a0b0c1:5000/app"))).toBe(false);
  });
});

describe("imageRefusal", () => {
  const base: ImageRuleInput = {
    hostId: "alpha",
    container: "web",
    current: "127.0.0.1:5000/app:v1",
    requested: "127.0.0.1:5000/app:v1",
    role: "operator",
  };

  it("lets an operator move its container to another tag or digest of the same repository", () => {
    expect(imageRefusal(base)).toBeNull();
    expect(imageRefusal({ ...base, requested: "127.0.0.1:5000/app:v2" })).toBeNull();
    expect(imageRefusal({ ...base, requested: `127.0.0.1:5000/app@${DIGEST}` })).toBeNull();
    expect(
      imageRefusal({ ...base, current: "busybox", requested: "docker.io/library/busybox:1.36" }),
    ).toBeNull();
  });

  it("refuses an operator another repository, naming the rule, and lets an admin", () => {
    const other = { ...base, requested: "127.0.0.1:5000/other:v1" };
    expect(imageRefusal(other)?.message).toMatch(
      /^Image rule: an operator may only move "web" on host "alpha" to another tag or digest of its own repository \(127\.0\.0\.1:5000\/app\).*needs the admin role$/,
    );
    expect(imageRefusal({ ...base, requested: "127.0.0.1:5001/app:v1" })?.message).toMatch(/Image rule/);
    expect(imageRefusal({ ...base, requested: "app:v1" })?.message).toMatch(/Image rule/);
    expect(imageRefusal({ ...base, current: DIGEST, requested: "127.0.0.1:5000/app:v1" })?.message).toMatch(
      /image id/,
    );
    expect(imageRefusal({ ...other, role: "admin" })).toBeNull();
  });

  it("applies a host's allowedImages to everyone, admins included", () => {
    const locked = { ...base, allowedImages: ["127.0.0.1:5000/*"] };
    expect(imageRefusal({ ...locked, role: "admin", requested: "127.0.0.1:5000/other:v1" })).toBeNull();
    expect(imageRefusal({ ...locked, role: "admin", requested: "busybox" })).toEqual({
      code: "FORBIDDEN",
      message:
        'Host "alpha" allows only images matching its allowedImages (127.0.0.1:5000/*); docker.io/library/busybox:latest matches none of them',
    });
  });

  it("refuses an invalid reference before any rule", () => {
    expect(imageRefusal({ ...base, requested: "Not/A/Ref" })).toEqual({
      code: "VALIDATION",
      message: 'image: "Not/A/Ref" is not a valid image reference',
    });
  });
});

describe("rollbackRefusal", () => {
  const base = {
    hostId: "alpha",
    container: "web",
    current: "127.0.0.1:5000/app:v2",
    requested: "127.0.0.1:5000/app:v1" as string | null,
    role: "operator" as const,
  };

  it("lets an operator roll back within its own repository", () => {
    expect(rollbackRefusal(base)).toBeNull();
  });

  it("holds the previous image to the image rule and allowedImages, as a redeploy onto it", () => {
    const other = { ...base, requested: "127.0.0.1:5000/other:v1" };
    expect(rollbackRefusal(other)).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^Rollback of "web" on host "alpha" refused: Image rule: an operator/),
    });
    expect(rollbackRefusal({ ...other, role: "admin" })).toBeNull();
    expect(
      rollbackRefusal({ ...other, role: "admin", allowedImages: ["127.0.0.1:5000/app:*"] })?.message,
    ).toContain("allows only images matching its allowedImages (127.0.0.1:5000/app:*)");
  });

  it("a previous image that ran by id needs an admin, on a host without allowedImages", () => {
    for (const requested of [null, DIGEST]) {
      expect(rollbackRefusal({ ...base, requested })?.message).toContain("ran by image id");
      expect(rollbackRefusal({ ...base, requested, role: "admin" })).toBeNull();
      expect(
        rollbackRefusal({ ...base, requested, role: "admin", allowedImages: ["127.0.0.1:5000/*"] })?.code,
      ).toBe("FORBIDDEN");
    }
  });
});
