import { z } from "zod";
import { containerStates } from "./types";

const containerStateSchema = z.enum(containerStates);

const hostIdSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, "must be a host id (a slug)");

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

export const containersQuerySchema = z
  .object({
    host: commaList(hostIdSchema).optional(),
    state: commaList(containerStateSchema).optional(),
    q: z.string().max(200).optional(),
  })
  .strict();
export type ContainersQuery = z.infer<typeof containersQuerySchema>;

export const containerParamsSchema = z
  .object({
    hostId: hostIdSchema,
    // Docker names are [a-zA-Z0-9][a-zA-Z0-9_.-]*; ids are hex. Anything else cannot exist, so say so early.
    nameOrId: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, "must be a container name or id"),
  })
  .strict();
export type ContainerParams = z.infer<typeof containerParamsSchema>;
