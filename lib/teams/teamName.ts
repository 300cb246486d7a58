import { z } from "zod";

export const teamNameSchema = z.string().trim().min(1, "Give the team a name.").max(80, "Keep the team name under 80 characters.");
