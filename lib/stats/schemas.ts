import { z } from "zod";

/** The stats stream takes no parameters; an unknown one is refused, as everywhere in the API. */
export const statsQuerySchema = z.object({}).strict();
