import { COMMON_PASSWORDS } from "./commonPasswordList";

let common: Set<string> | undefined;

/** Whether the password is on the list of passwords people pick most, ignoring case. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS.split("\n").filter(Boolean));
  return common.has(password.toLowerCase());
}

/** "aaaaaaaaaaaa", "111111111111": long enough, and guessed first. */
export function isOneRepeatedCharacter(password: string): boolean {
  return /^(.)\1*$/su.test(password);
}
