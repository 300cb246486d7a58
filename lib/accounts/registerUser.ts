import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { type RegistrationInput, registrationSchema } from "./credentialsSchema";
import { hashPassword } from "./passwordHash";
import { type AccountUser, accountFields } from "./users";

/** `forbidden`: registration is closed; `conflict`: the email has an account. */
export type RegistrationResult = Result<
  AccountUser,
  Failure<"invalid" | "forbidden" | "conflict", "email" | "password" | "name">
>;

const emailTaken = () =>
  fail("conflict", "email_registered", "An account with this email already exists. Sign in instead.", {
    field: "email" as const,
  });

// Serialises registrations so exactly one first user becomes admin.
const REGISTRATION_LOCK = 4_242_001;

export async function registerUser(
  input: RegistrationInput,
  options: { registrationOpen: boolean },
): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail("invalid", "invalid_input", issue.message, { field: issue.path[0] as "email" | "password" | "name" });
  }
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRATION_LOCK})`;
      const existingUsers = await tx.user.count();
      if (existingUsers > 0 && !options.registrationOpen) {
        return fail(
          "forbidden",
          "registration_closed",
          "Registration is closed on this Watchdeck. Ask its administrator for an account.",
        );
      }
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return emailTaken();
      const user = await tx.user.create({
        data: { email, name: name ?? null, passwordHash, isAdmin: existingUsers === 0 },
        select: accountFields,
      });
      return ok(user);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return emailTaken();
    throw error;
  }
}
