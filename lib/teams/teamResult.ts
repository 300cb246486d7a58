/**
 * Why a team action did not happen. `not_found` is the one answer for a team
 * that does not exist and a team the user is not in (no hint which);
 * `forbidden` is for members lacking the owner role; `invalid` for bad input
 * or a state that does not allow it.
 */
export interface TeamFailure {
  kind: "not_found" | "forbidden" | "invalid";
  message: string;
}

export type TeamResult<T = void> = { ok: true; value: T } | { ok: false; failure: TeamFailure };

export const teamNotFound: TeamFailure = { kind: "not_found", message: "There is no such team." };
export const ownersOnly: TeamFailure = { kind: "forbidden", message: "Only the team's owners can do that." };

export function ok<T>(value: T): TeamResult<T> {
  return { ok: true, value };
}

export function fail<T>(failure: TeamFailure): TeamResult<T> {
  return { ok: false, failure };
}

export function invalid<T>(message: string): TeamResult<T> {
  return { ok: false, failure: { kind: "invalid", message } };
}
