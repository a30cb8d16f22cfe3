import "server-only";
import pkg from "@/package.json";
import { buildDocument } from "./build-document";

const KEY = Symbol.for("wharf.openapi-document");

/** GET /api/openapi.json: built once per process (the endpoints do not change under a running server). */
export function openapiDocument(): Record<string, unknown> {
  const holder = globalThis as { [KEY]?: Record<string, unknown> };
  return (holder[KEY] ??= buildDocument(pkg.version));
}
