import { z } from "zod";
import { grantInputSchema } from "./scope-schema";
import { auditActions, roles } from "./types";

export const roleSchema = z.enum(roles);
export const auditActionSchema = z.enum(auditActions);

// Usernames land in audit rows, URLs and the CLI: a slug keeps them unambiguous there.
export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores");

export const MIN_PASSWORD_LENGTH = 12;
// The upper bound only keeps a request from handing scrypt megabytes; nobody types a longer password.
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "must be at most 1024 characters");

export const newUserSchema = z
  .object({ username: usernameSchema, password: passwordSchema, role: roleSchema })
  .strict();
export type NewUser = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
    disabled: z.boolean().optional(),
    scoped: z.boolean().optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof userPatchSchema>;

/** The sign-in form. No password rules here: a sign-in must not say more than "invalid". */
export const loginBodySchema = z
  .object({ username: z.string().min(1).max(256), password: z.string().min(1).max(1024) })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Where to go once signed in; checked again by safeNextPath, so only a path on this site is followed. */
export const ssoStartQuerySchema = z.object({ next: z.string().max(2048).optional() }).strict();
export type SsoStartQuery = z.infer<typeof ssoStartQuerySchema>;

// Not strict: providers add parameters of their own (Keycloak's session_state), and openid-client checks the
// answer as a whole. The bounds only keep an absurd request from reaching it.
export const ssoCallbackQuerySchema = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(1024).optional(),
  error_description: z.string().max(4096).optional(),
});

export const tokenNameSchema = z
  .string()
  .trim()
  .regex(/^[\w .:@-]{1,64}$/, "must be 1 to 64 letters, digits, spaces or . _ : @ -");

// Free text (a team, a person, a rota), shown on the settings page and in the audit log; control characters
// would let it pose as more than one line there.
export const serviceOwnerSchema = z
  .string()
  .trim()
  .min(1, "must name the team or person who owns the token")
  .max(80, "must be at most 80 characters")
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const newTokenSchema = z
  .object({
    name: tokenNameSchema,
    role: roleSchema,
    // Present: a service token, owned by this team or person and by no user account. Absent: the token
    // belongs to the user who makes it.
    serviceOwner: serviceOwnerSchema.optional(),
    // Normalised to UTC so expiry compares as text like every other timestamp in the database.
    expiresAt: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value).toISOString())
      .nullable()
      .default(null),
    // true: `role` does not apply to the whole fleet, only `grants` do (a CI token for one project).
    scoped: z.boolean().default(false),
    grants: z.array(grantInputSchema).max(50, "must be at most 50 grants").default([]),
  })
  .strict()
  .refine((token) => !token.scoped || token.grants.length > 0, {
    message: "a scoped token needs at least one grant (it could do nothing)",
    path: ["grants"],
  });
export type NewToken = z.input<typeof newTokenSchema>;

export const idParamsSchema = z
  .object({ id: z.coerce.number().int().positive("must be a numeric id") })
  .strict();
export const auditQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).optional() })
  .strict();
