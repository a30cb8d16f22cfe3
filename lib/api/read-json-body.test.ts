import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body";

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) => new Request("http://127.0.0.1/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "read",
    (error: { code: string }) => error.code,
  );

describe("readJsonBody", () => {
  it("reads a JSON body, and an empty one as {}", async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
    await expect(
      readJsonBody(post('{"a":1}', { "content-type": "application/json; charset=utf-8" })),
    ).resolves.toEqual({ a: 1 });
    await expect(readJsonBody(post(null, {}))).resolves.toEqual({});
  });

  it("refuses a body that is not declared JSON with UNSUPPORTED_MEDIA_TYPE", async () => {
    expect(await code(readJsonBody(post('{"a":1}', { "content-type": "text/plain" })))).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(
      await code(readJsonBody(post("a=1", { "content-type": "application/x-www-form-urlencoded" }))),
    ).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = post(stream, {
      "content-type": "application/json",
      "content-length": String(100 * 1024 * 1024),
    });
    expect(await code(readJsonBody(request))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading an undeclared (chunked) body once it passes the limit", async () => {
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    expect(await code(readJsonBody(post(stream), 64 * 1024))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(10);
  });
});
