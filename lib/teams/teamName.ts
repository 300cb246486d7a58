import { singleLineText } from "@/lib/forms/singleLineText";

export const teamNameSchema = singleLineText(80, {
  missing: "Give the team a name.",
  tooLong: "Keep the team name under 80 characters.",
  notText: "The team name cannot contain control characters.",
});
