import { z } from "zod";

/** One error or warning as errorformat=plaintext delivers it. */
export const apiMessageWire = z.object({
  code: z.string(),
  text: z.string().optional(),
  module: z.string().optional(),
  data: z.unknown().optional(),
});
export type ApiMessageWire = z.infer<typeof apiMessageWire>;

/** Members every formatversion=2 answer may carry besides the module's own. */
export const apiEnvelopeWire = z.object({
  errors: z.array(apiMessageWire).optional(),
  warnings: z.array(apiMessageWire).optional(),
  // errorformat=bc shape, in case a proxy or an old wiki ignores errorformat.
  error: z.object({ code: z.string(), info: z.string().optional() }).optional(),
});
export type ApiEnvelopeWire = z.infer<typeof apiEnvelopeWire>;
