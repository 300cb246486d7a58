import { signInSchema } from "./credentialsSchema";
import { burnPasswordCheck, verifyPassword } from "./passwordHash";
import { type AccountUser, findUserWithHashByEmail } from "./users";

/** Returns the user for a correct email and password, otherwise null — never which of the two was wrong. */
export async function verifyCredentials(input: { email?: unknown; password?: unknown }): Promise<AccountUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const found = await findUserWithHashByEmail(parsed.data.email);
  if (!found) {
    await burnPasswordCheck(parsed.data.password);
    return null;
  }
  const { passwordHash, ...user } = found;
  return (await verifyPassword(passwordHash, parsed.data.password)) ? user : null;
}
