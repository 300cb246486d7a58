import { z } from "zod";

const countSchema = z.coerce
  .number()
  .int("WATCHDECK_WEB_PROCESSES must be a whole number")
  .min(1, "WATCHDECK_WEB_PROCESSES must be at least 1")
  .max(64, "WATCHDECK_WEB_PROCESSES must be at most 64");

/**
 * How many web server processes `npm start` runs: WATCHDECK_WEB_PROCESSES, or one per core. `next dev` is one
 * process whatever the setting (it compiles on demand and watches files; several would do that work twice).
 */
export function webProcessCount(options: { env: string | undefined; dev: boolean; cores: number }): number {
  if (options.dev) return 1;
  if (options.env === undefined || options.env.trim() === "") return Math.max(1, options.cores);
  const parsed = countSchema.safeParse(options.env.trim());
  if (!parsed.success) throw new WebProcessesError(`${parsed.error.issues[0]!.message}, not "${options.env}".`);
  return parsed.data;
}

export class WebProcessesError extends Error {
  override name = "WebProcessesError";
}
