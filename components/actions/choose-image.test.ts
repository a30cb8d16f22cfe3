import { describe, expect, it } from "vitest";
import { chooseImage } from "./choose-image";

const current = "127.0.0.1:5000/shop:v1";

describe("chooseImage", () => {
  it("sends nothing for an empty input: the container's own reference is pulled again", () => {
    expect(chooseImage(current, "  ", "operator", "alpha", "web")).toEqual({ problem: null });
  });

  it("turns an operator's tag or digest into a reference of the same repository", () => {
    expect(chooseImage(current, "v2", "operator", "alpha", "web")).toEqual({
      image: "127.0.0.1:5000/shop:v2",
      problem: null,
    });
    const digest = `sha256:${"c".repeat(64)}`;
    expect(chooseImage(current, digest, "operator", "alpha", "web").image).toBe(
      `127.0.0.1:5000/shop@${digest}`,
    );
  });

  it("gives an operator no way to name another repository", () => {
    expect(chooseImage(current, "127.0.0.1:5000/other:v1", "operator", "alpha", "web").problem).toBe(
      '"127.0.0.1:5000/other:v1" is not a tag or a digest (sha256:…)',
    );
  });

  it("lets an admin name any valid reference", () => {
    expect(chooseImage(current, "127.0.0.1:5000/other:v1", "admin", "alpha", "web")).toEqual({
      image: "127.0.0.1:5000/other:v1",
      problem: null,
    });
    expect(chooseImage(current, "Bad Ref", "admin", "alpha", "web").problem).toMatch(
      /not a valid image reference/,
    );
  });
});

describe("an image only the host has", () => {
  it("is said before a redeploy starts, whether it is the container's own or typed", () => {
    expect(chooseImage("localhost/busybox:1", "", "admin", "alpha", "web").problem).toMatch(
      /^localhost\/busybox:1 exists only on this host: no registry serves it/,
    );
    expect(chooseImage("localhost/busybox:1", "2", "operator", "alpha", "web").problem).toMatch(
      /^localhost\/busybox:2 exists only on this host/,
    );
    expect(chooseImage("localhost/busybox:1", "127.0.0.1:5000/busybox:1", "admin", "alpha", "web")).toEqual({
      image: "127.0.0.1:5000/busybox:1",
      problem: null,
    });
  });
});
