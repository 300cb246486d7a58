import { singleLineText } from "@/lib/forms/singleLineText";

/** The name of a feed URL, personal or a team's. */
export const feedNameSchema = singleLineText(80, {
  missing: "Give the feed a name.",
  tooLong: "Keep the feed name under 80 characters.",
  notText: "The feed name cannot contain control characters.",
});
