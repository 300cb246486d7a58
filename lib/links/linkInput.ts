import { z } from "zod";
import { nameIssueFailure, optionalSingleLineText, singleLineText } from "@/lib/forms/singleLineText";
import type { LinkFailure } from "./linkFailure";

const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour like #0072b2.")
  .transform((v) => v.toLowerCase());

// Blank means "none given": from a pasted feed URL when linking, "keep the stored one" when editing.
const optionalSecret = z
  .string()
  .max(1000, "That password or token is too long.")
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** What the "Link a wiki" form sends. Username and secret may be omitted when a feed URL carries them. */
export const newLinkInputSchema = z.object({
  wikiUrl: z.string().trim().min(1, "Enter the wiki's address.").max(2000, "That address is too long."),
  authMode: z.enum(["bot_password", "watchlist_token"], { message: "Choose how Watchdeck signs in to the wiki." }),
  source: z.enum(["api", "feed"]).default("api"),
  username: optionalSingleLineText(255, {
    tooLong: "That user name is too long.",
    notText: "A user name cannot contain control characters.",
  }),
  secret: optionalSecret,
  displayName: optionalSingleLineText(80, {
    tooLong: "Keep the display name under 80 characters.",
    notText: "The display name cannot contain control characters.",
  }),
  /** Blank: the first colour none of the user's links has. */
  color: z.union([z.literal("").transform(() => undefined), hexColor]).optional(),
});
export type NewLinkInput = z.input<typeof newLinkInputSchema>;
export type ParsedNewLinkInput = z.output<typeof newLinkInputSchema>;

/** Editing a link: a blank secret keeps the stored one. */
export const linkEditInputSchema = z.object({
  displayName: singleLineText(80, {
    missing: "Enter a display name.",
    tooLong: "Keep the display name under 80 characters.",
    notText: "The display name cannot contain control characters.",
  }),
  color: hexColor,
  username: optionalSingleLineText(255, {
    tooLong: "That user name is too long.",
    notText: "A user name cannot contain control characters.",
  }),
  secret: optionalSecret,
});
export type LinkEditInput = z.input<typeof linkEditInputSchema>;

/** The first issue as a failure's parts: its field, and its own code and values for a deceptive name. */
export function firstIssue(error: z.ZodError): {
  field?: string;
  code: string;
  message: string;
  values?: Record<string, string>;
} {
  const issue = error.issues[0]!;
  const { code, message, values } = nameIssueFailure("invalid_input", issue);
  return { field: issue.path[0] === undefined ? undefined : String(issue.path[0]), code, message, values };
}

/** The refusal of a link form the schema did not pass: its first issue, at its field. */
export function invalidLinkInput(error: z.ZodError): { ok: false; failure: LinkFailure } {
  const { field, code, message, values } = firstIssue(error);
  return {
    ok: false,
    failure: { kind: "invalid", code, message, field: field as LinkFailure["field"], ...(values && { values }) },
  };
}
