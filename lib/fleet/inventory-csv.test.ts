import { describe, expect, it } from "vitest";
import { inventoryCsv } from "./inventory-csv";

describe("inventoryCsv", () => {
  it("writes one CRLF line per host and image, defusing formula-like text", () => {
    const text = inventoryCsv([
      {
        key: "image:=cmd|x",
        kind: "image",
        name: "=cmd|x",
        repository: "=cmd|x",
        drift: true,
        cells: {
          alpha: [
            {
              label: "1.0",
              imageId: "sha256:a",
              version: "1.0",
              revision: null,
              commitUrl: null,
              digest: null,
              count: 2,
              running: 1,
            },
          ],
        },
      },
    ]);
    expect(text).toBe(
      "kind,name,repository,hostId,label,version,revision,digest,imageId,count,running,drift\r\n" +
        "image,'=cmd|x,'=cmd|x,alpha,1.0,1.0,,,sha256:a,2,1,true\r\n",
    );
  });
});
