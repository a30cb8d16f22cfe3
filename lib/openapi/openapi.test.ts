import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { httpMethods } from "@/lib/api/endpoint";
import type { RouteHandler } from "@/lib/api/route";
import { allEndpoints } from "./all-endpoints";
import { buildDocument } from "./build-document";

const root = path.resolve(__dirname, "../..");

type Operation = {
  operationId: string;
  "x-wharf-role": string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  responses: Record<string, { description: string }>;
  security: unknown[];
};
type Document = { paths: Record<string, Record<string, Operation>> };

/** Every route file under app/ (the API and /metrics), with the path Next serves it at, as OpenAPI writes it. */
function routeFiles(dir = path.join(root, "app")): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const urlPath = `/${path.relative(path.join(root, "app"), dir).split(path.sep).join("/")}`;
    return [{ file: full, path: urlPath.replace(/\[([^\]]+)\]/g, "{$1}") }];
  });
}

const document = buildDocument("test") as Document;

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every method of every route file, from the very endpoint the route runs with", async () => {
    const files = routeFiles();
    expect(files.some((f) => f.path === "/api/containers/{hostId}/{nameOrId}/redeploy")).toBe(true);
    const served: string[] = [];
    for (const { file, path: urlPath } of files) {
      const exported = (await import(file)) as Record<string, unknown>;
      for (const method of httpMethods) {
        const handler = exported[method] as RouteHandler | undefined;
        if (!handler) continue;
        const where = `${method} ${urlPath} (${path.relative(root, file)})`;
        served.push(`${method} ${urlPath}`);
        expect(handler.endpoint, `${where} must be served through route(endpoint, …)`).toBeDefined();
        expect(`${handler.endpoint.method} ${handler.endpoint.path}`, where).toBe(`${method} ${urlPath}`);
        expect(
          allEndpoints().some(({ endpoint }) => endpoint === handler.endpoint),
          `${where} is listed`,
        ).toBe(true);
        expect(document.paths[urlPath]?.[method.toLowerCase()], `${where} is in the document`).toBeDefined();
      }
    }
    // …and nothing is described that no route serves.
    const described = allEndpoints().map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`);
    expect([...described].sort()).toEqual([...served].sort());
    // Importing every route module compiles most of lib/ first: generous on a loaded machine.
  }, 180_000);

  it("names each operation once", () => {
    const ids = allEndpoints().map(({ operationId }) => operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries each route's role, its input schemas and the error shape", () => {
    const redeploy = document.paths["/api/containers/{hostId}/{nameOrId}/redeploy"]!.post!;
    expect(redeploy["x-wharf-role"]).toBe("operator");
    expect(redeploy.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["hostId", "path", true],
      ["nameOrId", "path", true],
    ]);
    const body = redeploy.requestBody!.content["application/json"].schema as {
      properties: Record<string, Record<string, unknown>>;
      additionalProperties: boolean;
    };
    expect(body.properties.graceSeconds).toMatchObject({ type: "integer", minimum: 0, maximum: 600 });
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(redeploy.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409", "413", "415", "422", "502", "500"]),
    );
    expect(redeploy.responses["422"]!.description).toContain("ROLLED_BACK");

    const logs = document.paths["/api/containers/{hostId}/{nameOrId}/logs"]!.get!;
    expect(logs.parameters.find((p) => p.name === "tail")).toMatchObject({ in: "query", required: false });

    const health = document.paths["/api/health"]!.get!;
    expect(health["x-wharf-role"]).toBe("public");
    expect(health.security).toEqual([]);
    expect(health.responses["401"]).toBeUndefined();
    expect(document.paths["/api/users"]!.post!["x-wharf-role"]).toBe("admin");
    expect(document.paths["/metrics"]!.get!["x-wharf-role"]).toBe("viewer");

    const error = (document as unknown as { components: { schemas: { Error: Record<string, unknown> } } })
      .components.schemas.Error;
    expect(JSON.stringify(error)).toContain('"HOST_UNREACHABLE"');
  });
});
