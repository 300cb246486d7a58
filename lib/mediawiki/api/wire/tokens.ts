import { z } from "zod";

/** action=query&meta=tokens answer. */
export const tokensWire = z.object({
  query: z.object({
    tokens: z.record(z.string(), z.string()),
  }),
});
