import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";

describe("GET /api/openapi.json", () => {
  it("serves a valid OpenAPI 3.1 description, without sign-in, with each route's role", async () => {
    const response = await fetch(`${inject("wharfUrl")}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-wharf-role": string }>>;
    };
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
    expect(document.paths["/api/containers"]!.get!["x-wharf-role"]).toBe("viewer");
    expect(document.paths["/api/deploy"]!.post!["x-wharf-role"]).toBe("operator");
    expect(document.paths["/metrics"]!.get!["x-wharf-role"]).toBe("viewer");
  });
});
