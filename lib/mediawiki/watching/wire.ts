import { z } from "zod";

/** One entry of action=watch's answer (formatversion=2). */
export const watchEntryWire = z.object({
  title: z.string(),
  ns: z.number().optional(),
  watched: z.boolean().optional(),
  unwatched: z.boolean().optional(),
  missing: z.boolean().optional(),
  special: z.boolean().optional(),
  invalid: z.boolean().optional(),
  invalidreason: z.string().optional(),
  watchable: z.union([z.boolean(), z.number()]).optional(),
  expiry: z.string().optional(),
});

export type WatchEntryWire = z.infer<typeof watchEntryWire>;

export const watchAnswerWire = z.object({ watch: z.array(watchEntryWire) });

/** One entry of action=setnotificationtimestamp's answer; "" means read. */
export const notificationEntryWire = z.object({
  title: z.string().optional(),
  ns: z.number().optional(),
  notificationtimestamp: z.string().optional(),
  notwatched: z.boolean().optional(),
  missing: z.boolean().optional(),
  invalid: z.boolean().optional(),
});

export const setNotificationAnswerWire = z.object({
  setnotificationtimestamp: z.union([z.array(notificationEntryWire), z.object({ notificationtimestamp: z.string() })]),
});

/** generator=watchlistraw with prop=info&inprop=watched|notificationtimestamp: the only way 1.39 tells expiries. */
export const watchedInfoWire = z.object({
  query: z
    .object({
      pages: z.array(
        z.object({
          ns: z.number(),
          title: z.string(),
          missing: z.boolean().optional(),
          watched: z.boolean().optional(),
          watchlistexpiry: z.string().optional(),
          notificationtimestamp: z.string().optional(),
        }),
      ),
    })
    .optional(),
  continue: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** list=watchlistraw&wrprop=changed, for links that read with a watchlist token. */
export const watchlistRawWire = z.object({
  watchlistraw: z.array(z.object({ ns: z.number(), title: z.string(), changed: z.string().optional() })).optional(),
  continue: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
