import { z } from "zod";

// With errorformat=plaintext the reason is a message object; older wikis and
// errorformat=bc send a bare string.
const loginReasonWire = z.union([
  z.string().transform((text) => ({ code: null, text })),
  z.object({ code: z.string().optional(), text: z.string().optional() }).transform(({ code, text }) => ({
    code: code ?? null,
    text: text ?? "",
  })),
]);

/** action=login answer. */
export const loginWire = z.object({
  login: z.object({
    result: z.string(),
    lguserid: z.number().optional(),
    lgusername: z.string().optional(),
    reason: loginReasonWire.optional(),
    wait: z.number().optional(),
  }),
});
export type LoginWire = z.infer<typeof loginWire>;
