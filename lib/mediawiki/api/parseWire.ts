import type { z } from "zod";
import { MediaWikiApiError } from "./MediaWikiApiError";

/** Validates the part of an API answer a caller asked for; a mismatch is the wiki's fault, not the user's. */
export function parseWire<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  siteLabel: string,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new MediaWikiApiError(
    "invalid",
    "unexpected_response",
    `${siteLabel} sent ${what} in a shape Watchdeck does not understand.`,
    {
      cause: parsed.error,
    },
  );
}
