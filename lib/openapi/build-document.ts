import "server-only";
import { z } from "zod";
import type { AnswerKind, Endpoint } from "@/lib/api/endpoint";
import { httpStatusByCode, type ErrorCode } from "@/lib/core/errors";
import { allEndpoints, type NamedEndpoint } from "./all-endpoints";
import { errorBodySchema } from "./error-schema";

type JsonSchema = Record<string, unknown>;

const ROLE_TEXT = {
  public: "Public: no sign-in needed.",
  viewer: "Needs the viewer role (or above): a session cookie or an API token.",
  operator: "Needs the operator role (or admin). With a session cookie, only from Wharf's own origin.",
  admin: "Needs the admin role. With a session cookie, only from Wharf's own origin.",
} as const;

const ANSWERS: Record<
  Exclude<AnswerKind, "redirect">,
  { type: string; schema: JsonSchema; description: string }
> = {
  json: {
    type: "application/json",
    schema: { type: "object" },
    description: "Success (see docs/api.md for the fields)",
  },
  sse: {
    type: "text/event-stream",
    schema: { type: "string" },
    description: "A server-sent event stream, open until the client leaves or its access ends",
  },
  csv: { type: "text/csv", schema: { type: "string" }, description: "CSV, RFC 4180, as an attachment" },
  prometheus: {
    type: "text/plain; version=0.0.4",
    schema: { type: "string" },
    description: "The Prometheus text exposition format",
  },
};

/** The OpenAPI 3.1 description of Wharf's HTTP API, built from the endpoints the routes are declared with. */
export function buildDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const named of allEndpoints()) {
    const { endpoint } = named;
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(named);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Wharf API",
      version,
      description:
        "A live dashboard for fleets of Docker hosts. Every route declares the role it needs (`x-wharf-role`) and what a scoped caller's grants must cover (`x-wharf-reach`: `fleet`, `host`, `targets`, or `filtered` for an answer cut to the caller's scope); every failure has one shape (`Error`). The full contract, with each answer's fields, is docs/api.md.",
    },
    tags: [...new Set(allEndpoints().map(({ endpoint }) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token (`wharf_…`) an admin created on /settings",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "wharf_session",
          description: "A browser's session",
        },
      },
      schemas: { Error: jsonSchema(errorBodySchema) },
    },
  };
}

function operation({ operationId, endpoint }: NamedEndpoint): JsonSchema {
  const op: JsonSchema = {
    operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: [ROLE_TEXT[endpoint.auth], endpoint.description].filter(Boolean).join("\n\n"),
    "x-wharf-role": endpoint.auth,
    // What a scoped caller's grants must cover here (lib/api/endpoint.ts, Reach): none, fleet, host, targets, filtered.
    "x-wharf-reach": endpoint.reach.kind,
    security: endpoint.auth === "public" ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
    responses: { ...success(endpoint.answers ?? "json"), ...errorResponses(endpoint) },
  };
  if (endpoint.body)
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: jsonSchema(endpoint.body) } },
    };
  return op;
}

function success(kind: AnswerKind): Record<string, JsonSchema> {
  if (kind === "redirect")
    return {
      "303": {
        description: "See Other: the browser goes on to `Location` (see docs/api.md for where)",
        headers: { Location: { schema: { type: "string" } } },
      },
    };
  const answer = ANSWERS[kind];
  return {
    "200": { description: answer.description, content: { [answer.type]: { schema: answer.schema } } },
  };
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema);
  const required = new Set((object.required as string[] | undefined) ?? []);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: property,
  }));
}

/** What every route with this access and input can answer, plus what the endpoint declares. */
function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(endpoint.errors ?? []);
  if (endpoint.params || endpoint.query || endpoint.body) codes.add("VALIDATION");
  if (endpoint.body)
    ["PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"].forEach((code) => codes.add(code as ErrorCode));
  if (endpoint.auth !== "public")
    ["UNAUTHORIZED", "FORBIDDEN"].forEach((code) => codes.add(code as ErrorCode));
  codes.add("MISDIRECTED");
  // Sign-in alone reads the database: any route can find it out of reach.
  codes.add("UNAVAILABLE");
  codes.add("INTERNAL");
  return [...codes];
}

function errorResponses(endpoint: Endpoint): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(endpoint)) {
    const status = httpStatusByCode[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        {
          description: codes.map((code) => `\`${code}\``).join(", "),
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      ]),
  );
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  // The request as sent (io: input): a comma list is a string, a default may be left out. Custom refinements
  // have no JSON Schema form and are left out rather than failing the whole description.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}
