import { type Failure, fail, type Result } from "@/lib/result";

/**
 * Why a team action did not happen. `not_found` is the one answer for a team
 * that does not exist and a team the user is not in (no hint which);
 * `forbidden` is for members lacking the owner role; `invalid` for bad input
 * or a state that does not allow it.
 */
export type TeamFailure = Failure<"not_found" | "forbidden" | "invalid">;

export type TeamResult<T = void> = Result<T, TeamFailure>;

export const teamNotFound: TeamFailure = {
  kind: "not_found",
  code: "team_not_found",
  message: "There is no such team.",
};
export const ownersOnly: TeamFailure = {
  kind: "forbidden",
  code: "owners_only",
  message: "Only the team's owners can do that.",
};

export function invalid(code: string, message: string): { ok: false; failure: TeamFailure } {
  return fail("invalid", code, message);
}
