import { z } from "zod";
import type { Scope } from "@/lib/core/access-rule";
import { roles } from "./types";

// Not ./schemas' roleSchema: that module takes its token grants from this one.
const roleSchema = z.enum(roles);

const list = (value: z.ZodString, what: string) =>
  z
    .array(value)
    .min(1, `must name at least one ${what}`)
    .max(100, `must name at most 100 ${what}s`)
    .optional();

/**
 * A grant's scope: each kind optional, at least one given (a grant on everything is `scope: null`). Values are
 * the shapes Docker and Wharf allow, so a scope cannot carry text that would read as more in the audit log.
 */
export const scopeSchema = z
  .object({
    hosts: list(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)"), "host"),
    projects: list(
      z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, "must be a compose project name"),
      "project",
    ),
    names: list(
      z.string().regex(/^[a-zA-Z0-9_.*?-]{1,128}$/, "must be a container name or a glob of one (* and ?)"),
      "name",
    ),
    services: list(
      z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, "must be a swarm service name"),
      "service",
    ),
  })
  .strict()
  .refine((scope) => Object.values(scope).some((values) => values !== undefined), {
    message: "must name hosts, projects, names or services (null grants the whole fleet)",
  }) satisfies z.ZodType<Scope>;

export const grantInputSchema = z.object({ role: roleSchema, scope: scopeSchema.nullable() }).strict();
export type GrantInput = z.infer<typeof grantInputSchema>;

// Team names land in audit rows and on the settings page, like token names.
export const teamNameSchema = z
  .string()
  .trim()
  .regex(/^[\w .:@-]{1,64}$/, "must be 1 to 64 letters, digits, spaces or . _ : @ -");
export const newTeamSchema = z.object({ name: teamNameSchema }).strict();
export const teamPatchSchema = z.object({ name: teamNameSchema }).strict();

const numericId = z.coerce.number().int().positive("must be a numeric id");
export const teamMemberParamsSchema = z.object({ id: numericId, userId: numericId }).strict();

export const newGrantSchema = z
  .object({
    holder: z.object({ kind: z.enum(["user", "team", "token"]), id: z.number().int().positive() }).strict(),
    role: roleSchema,
    scope: scopeSchema.nullable(),
  })
  .strict();
export type NewGrant = z.infer<typeof newGrantSchema>;
