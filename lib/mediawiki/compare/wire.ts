import { z } from "zod";

/** action=compare's answer (formatversion=2, prop=diff|ids|title|rel): `from…` is absent for a page creation. */
export const compareAnswerWire = z.object({
  compare: z.object({
    fromrevid: z.number().optional(),
    fromtitle: z.string().optional(),
    fromtexthidden: z.boolean().optional(),
    fromsuppressed: z.boolean().optional(),
    fromarchive: z.boolean().optional(),
    torevid: z.number(),
    totitle: z.string(),
    totexthidden: z.boolean().optional(),
    tosuppressed: z.boolean().optional(),
    toarchive: z.boolean().optional(),
    prev: z.number().optional(),
    next: z.number().optional(),
    body: z.string(),
  }),
});

export type CompareAnswerWire = z.infer<typeof compareAnswerWire>;
