import { z } from "zod";
import type { Principal, Role } from "@/lib/auth/types";
import type { Source } from "@/lib/history/types";

const hostId = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)");
const containerName = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a container name or id");

export const graceSecondsSchema = z.number().int().min(0).max(600).default(5);

export const lifecycleBodySchema = z.object({}).strict();
// Checked in full (and against the image rule) by lib/actions/image-rule.ts; this only bounds the text.
const imageRef = z.string().regex(/^[a-z0-9][\w.:\/@-]{0,254}$/i, "must be an image reference");

export const redeployBodySchema = z
  .object({
    force: z.boolean().default(false),
    graceSeconds: graceSecondsSchema,
    // Another tag or digest to run (an admin may name another repository); absent: the container's own.
    image: imageRef.optional(),
  })
  .strict();
export type RedeployBody = z.infer<typeof redeployBodySchema>;
export const rollbackBodySchema = z.object({ graceSeconds: graceSecondsSchema }).strict();

export const deployHookBodySchema = z
  .object({
    hostId,
    container: containerName,
    // A new reference to run (e.g. a tag the pipeline just pushed); absent: pull the container's own reference.
    image: imageRef.optional(),
    graceSeconds: graceSecondsSchema,
  })
  .strict();

export const bulkRestartBodySchema = z
  .object({
    containers: z
      .array(z.object({ hostId, name: containerName }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export const restartCrashedBodySchema = z.object({ hostId: hostId.optional() }).strict();

/** Wharf's own UI marks its requests; anything else is a script using the API. */
export function sourceOf(request: Request): Source {
  return request.headers.get("x-wharf-source") === "ui" ? "ui" : "api";
}

/** Who the history records as having done it: the signed-in user, or the API token's name. */
export function callerOf(
  principal: Principal,
  request: Request,
): { actor: string; source: Source; role: Role } {
  return {
    actor: principal.name,
    source: principal.kind === "token" ? "api" : sourceOf(request),
    role: principal.role,
  };
}
