import { describe, expect, it } from "vitest";
import { commitUrl, digestOf, provenanceOf, shortDigest, shortRevision } from "./image-provenance";

const SHA = "3f1c2a9d0b7e4c5a6f8e9d0c1b2a3f4e5d6c7b8a";

describe("commitUrl", () => {
  it("links a GitHub, Gitea or Codeberg repository to /commit/<sha>", () => {
    expect(commitUrl("https://github.com/acme/shop", SHA)).toBe(`https://github.com/acme/shop/commit/${SHA}`);
    expect(commitUrl("https://git.example.com/acme/shop.git/", SHA)).toBe(
      `https://git.example.com/acme/shop/commit/${SHA}`,
    );
    expect(commitUrl("git@codeberg.org:acme/shop.git", SHA)).toBe(
      `https://codeberg.org/acme/shop/commit/${SHA}`,
    );
  });

  it("uses GitLab's /-/commit/ path, subgroups included", () => {
    expect(commitUrl("https://gitlab.com/acme/team/shop", SHA.toUpperCase())).toBe(
      `https://gitlab.com/acme/team/shop/-/commit/${SHA}`,
    );
  });

  it("gives no link for what is not a repository URL or not a commit id", () => {
    expect(commitUrl("javascript:alert(1)//a/b", SHA)).toBeNull();
    expect(commitUrl("https://github.com/acme", SHA)).toBeNull();
    expect(commitUrl("https://user:pw@github.com/acme/shop", SHA)).toBeNull();
    expect(commitUrl("https://github.com/acme/shop", "v1.2.3")).toBeNull();
    expect(commitUrl("not a url", SHA)).toBeNull();
    expect(commitUrl(null, SHA)).toBeNull();
  });
});

describe("provenanceOf", () => {
  it("reads the four OCI labels and the digest of the reference's repository", () => {
    const image = {
      RepoDigests: ["other/repo@sha256:aaa", "127.0.0.1:5000/shop@sha256:bbb"],
      Config: {
        Labels: {
          "org.opencontainers.image.version": "1.4.2",
          "org.opencontainers.image.revision": SHA,
          "org.opencontainers.image.source": "https://github.com/acme/shop",
          "org.opencontainers.image.created": "2026-11-30T10:00:00Z",
          "org.opencontainers.image.title": "ignored",
        },
      },
    };
    expect(provenanceOf(image, "127.0.0.1:5000/shop:v1")).toEqual({
      version: "1.4.2",
      revision: SHA,
      source: "https://github.com/acme/shop",
      created: "2026-11-30T10:00:00Z",
      digest: "sha256:bbb",
      commitUrl: `https://github.com/acme/shop/commit/${SHA}`,
    });
  });

  it("is all nulls for an image without labels or digests", () => {
    expect(provenanceOf({ Config: null }, "busybox")).toEqual({
      version: null,
      revision: null,
      source: null,
      created: null,
      digest: null,
      commitUrl: null,
    });
    expect(
      provenanceOf({ Config: { Labels: { "org.opencontainers.image.version": " " } } }, "x").version,
    ).toBeNull();
  });
});

describe("short forms", () => {
  it("quotes 7 characters of a commit and 12 of a digest", () => {
    expect(shortRevision(SHA)).toBe("3f1c2a9");
    expect(shortDigest("sha256:0123456789abcdef0123")).toBe("0123456789ab");
    expect(digestOf([], "x")).toBeNull();
  });
});
