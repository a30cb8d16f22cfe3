import { z } from "zod";
import { alertEvents } from "./types";

export const alertEventSchema = z.enum(alertEvents);

// Only http(s): a channel must not make Wharf read files or speak other protocols on an admin's word.
// No user:pass@ either: a URL's credentials would come back in every library's error text about it.
const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .max(2048, "must be at most 2048 characters")
  .refine((value) => {
    const url = new URL(value);
    return url.username === "" && url.password === "";
  }, "must not carry a user name or password (user:pass@): put a token in the path or query, or use the secret");

const nameSchema = z
  .string()
  .trim()
  .regex(/^[\w .:@()-]{1,64}$/, "must be 1 to 64 letters, digits, spaces or . _ : @ ( ) -");

export const channelRulesSchema = z
  .object({
    events: z.array(alertEventSchema).min(1, "pick at least one event"),
    hostIds: z.array(z.string().min(1).max(64)).max(100).default([]),
    composeProject: z.string().trim().min(1).max(128).nullable().default(null),
    containerGlob: z.string().trim().min(1).max(256).nullable().default(null),
    label: z
      .string()
      .trim()
      .regex(/^[^=\s]{1,256}(=.{0,1024})?$/, "must be key or key=value")
      .nullable()
      .default(null),
  })
  .strict();

export const webhookSettingsSchema = z
  .object({
    url: httpUrlSchema,
    // The receiver checks X-Wharf-Signature with it: long enough not to be guessed.
    secret: z.string().min(16, "must be at least 16 characters").max(256),
  })
  .strict();

export const slackSettingsSchema = z.object({ url: httpUrlSchema }).strict();

const emailAddress = z.email("must be an email address").max(320);
export const emailSettingsSchema = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(587),
    // true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when the server offers it.
    secure: z.boolean().default(false),
    user: z.string().max(320).nullable().default(null),
    password: z.string().max(1024).nullable().default(null),
    from: emailAddress,
    to: z.array(emailAddress).min(1, "name at least one recipient").max(50),
  })
  .strict();

const base = { name: nameSchema, enabled: z.boolean().default(true), rules: channelRulesSchema };

export const newChannelSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("webhook"), settings: webhookSettingsSchema }).strict(),
  z.object({ ...base, kind: z.literal("slack"), settings: slackSettingsSchema }).strict(),
  z.object({ ...base, kind: z.literal("email"), settings: emailSettingsSchema }).strict(),
]);
export type NewChannel = z.input<typeof newChannelSchema>;
export type ParsedNewChannel = z.output<typeof newChannelSchema>;

/** A change: only what is sent changes. A secret left out is kept, so the page never needs to read it back. */
export const channelPatchSchema = z
  .object({
    name: nameSchema.optional(),
    enabled: z.boolean().optional(),
    rules: channelRulesSchema.optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type ChannelPatch = z.input<typeof channelPatchSchema>;

export const settingsSchemaByKind = {
  webhook: webhookSettingsSchema,
  slack: slackSettingsSchema,
  email: emailSettingsSchema,
} as const;

export const channelIdParamsSchema = z
  .object({ id: z.coerce.number().int().positive("must be a numeric id") })
  .strict();

export const deliveriesQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).optional() })
  .strict();
